/** Each role's first page after signing in. */
export const homeOf = (role) => ({ manager: '#/dashboard', admin: '#/admin' })[role] ?? '#/inbox';
