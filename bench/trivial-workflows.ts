/** The engine's floor for bench:open: a workflow that does nothing, bundled only for the bench worker. */
export async function trivialWorkflow(): Promise<void> {}
