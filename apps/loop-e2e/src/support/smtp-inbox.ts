import { stackEnv } from './stack-env';

/** A message as the test SMTP server parsed and kept it. */
export interface ReceivedMail {
  id: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  headers: Record<string, unknown>;
  envelope: { from: string; to: string[] };
}

export async function receivedMail(): Promise<ReceivedMail[]> {
  const response = await fetch(`${stackEnv.smtpApiUrl}/api/messages`);
  if (!response.ok) throw new Error(`test SMTP server answered ${response.status}`);
  return (await response.json()) as ReceivedMail[];
}

export async function mailTo(address: string): Promise<ReceivedMail[]> {
  const all = await receivedMail();
  return all.filter((m) =>
    m.envelope.to.map((t) => t.toLowerCase()).includes(address.toLowerCase()),
  );
}
