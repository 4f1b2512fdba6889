/** Whether dist/ is at least as new as every source it compiled (bin/dist-current.js). */
export function distIsCurrent(root: string): boolean;
