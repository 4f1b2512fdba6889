/**
 * IAM's wildcards: `*` matches any run of characters (none included), `?` exactly one, everything else itself.
 * Action names are compared lower-cased by the caller; ARNs as written.
 */
export function globMatch(pattern: string, value: string): boolean {
  // Iterative matcher with one backtrack point: linear in practice, no regular expression to escape.
  let p = 0;
  let v = 0;
  let star = -1;
  let mark = 0;
  while (v < value.length) {
    if (p < pattern.length && (pattern[p] === '?' || pattern[p] === value[v])) {
      p++;
      v++;
    } else if (p < pattern.length && pattern[p] === '*') {
      star = p++;
      mark = v;
    } else if (star >= 0) {
      p = star + 1;
      v = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.length && pattern[p] === '*') p++;
  return p === pattern.length;
}

export const onlyStars = (s: string): boolean => s.length > 0 && /^\*+$/.test(s);

/**
 * Whether `pattern` matches every string that starts with `prefix` (whatever follows). True exactly when the
 * pattern ends in a run of `*` and what comes before that run matches some prefix of `prefix`: the trailing
 * run then absorbs the rest. ("s3:*", "*", "*:*" and "s*" all cover every "s3:<action>".)
 */
export function coversEveryExtension(pattern: string, prefix: string): boolean {
  let end = pattern.length;
  while (end > 0 && pattern[end - 1] === '*') end--;
  if (end === pattern.length) return false;
  const head = pattern.slice(0, end);
  for (let n = 0; n <= prefix.length; n++) if (globMatch(head, prefix.slice(0, n))) return true;
  return false;
}

/**
 * Whether an Action pattern (lower-cased) matches every action of every service. Every action is
 * "<service>:<name>", so "*", "**" and "*:*" do; "iam:*" or "*:get*" do not.
 */
export function coversAllActions(pattern: string): boolean {
  if (onlyStars(pattern)) return true;
  const parts = pattern.split(':');
  return parts.length === 2 && parts.every(onlyStars);
}

/**
 * Whether a Resource pattern matches every ARN of the policy's partition. Every ARN has at least six
 * colon-separated parts ("arn:partition:service:region:account:resource", the last possibly containing more
 * colons), so a pattern of at most six parts, each only stars — the first may be "arn" and the second a
 * partition name — matches them all: "*", "arn:*", "arn:aws:*:*:*:*", "arn:*:*:*:*:*". An empty part (as in
 * "arn:aws:s3:::*") matches only an empty part, so it does not.
 */
export function coversAllResources(pattern: string): boolean {
  const parts = pattern.split(':');
  if (parts.length > 6 || !onlyStars(parts[parts.length - 1]!)) return false;
  return parts.every((part, i) => onlyStars(part) || (i === 0 && part === 'arn') || (i === 1 && /^aws(-[a-z]+)*$/.test(part)));
}
