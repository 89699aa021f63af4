/** `case-<opaque id>`: the id says nothing about the child (architecture decision 1). */
export function caseWorkflowId(caseId: string): string {
  return `case-${caseId}`;
}
