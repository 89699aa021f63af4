/** A message to one party about one step of a case. Carries opaque ids and codes only. */
export interface NotificationMessage {
  caseId: string;
  recipient: string;
  template: string;
  ruleId?: string;
}

export interface Notifier {
  readonly transport: string;
  send(message: NotificationMessage): Promise<void>;
}
