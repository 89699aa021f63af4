/** A caller's retry after a 503 (the system was down for a moment): the same request again, a bounded number of times. */
export async function retryUntilAnswered<T extends { status: number }>(send: () => PromiseLike<T>, attempts = 8): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    const response = await send();
    if (response.status !== 503 || attempt >= attempts) return response;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
