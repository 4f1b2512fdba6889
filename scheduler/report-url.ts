/** The link an alert carries to the report page of a scan. */
export function reportUrl(publicUrl: string | undefined, scanId: string): string | null {
  if (!publicUrl) return null;
  return `${publicUrl.replace(/\/+$/, '')}/#/dashboard?scan=${encodeURIComponent(scanId)}`;
}
