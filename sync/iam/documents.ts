/**
 * IAM returns policy documents URL-encoded (RFC 3986). moto sometimes returns them as plain JSON, and a
 * document always starts with '{' once decoded, so only text that does not start with '{' is decoded.
 */
export function decodePolicyDocument(text: string | undefined, where: string): unknown {
  if (text === undefined || text === '') return null;
  const trimmed = text.trimStart();
  let json: string;
  try {
    json = trimmed.startsWith('{') ? trimmed : decodeURIComponent(trimmed);
  } catch (cause) {
    throw new Error(`[sync] iam: the policy document of ${where} is neither JSON nor URL-encoded JSON`, { cause });
  }
  try {
    return JSON.parse(json);
  } catch (cause) {
    throw new Error(`[sync] iam: the policy document of ${where} is not valid JSON after decoding`, { cause });
  }
}

/** IAM tags as one {key: value} object, which analysts can query with ->> 'key'. */
export function tagsObject(tags: ReadonlyArray<{ Key?: string; Value?: string }> | undefined): Record<string, string> {
  return Object.fromEntries((tags ?? []).map((t) => [t.Key ?? '', t.Value ?? '']));
}

/** Inline policies as [{name, document}] with decoded documents. */
export function inlinePolicies(list: ReadonlyArray<{ PolicyName?: string; PolicyDocument?: string }> | undefined, owner: string) {
  return (list ?? []).map((p) => ({ name: p.PolicyName ?? '', document: decodePolicyDocument(p.PolicyDocument, `${owner} inline policy ${p.PolicyName}`) }));
}
