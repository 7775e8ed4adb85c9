/**
 * Where the e2e server sends its mail: an SMTP server the mail specs start in their own process
 * (test/smtp.ts) on this fixed port, which playwright.config.ts passes to the server as SMTP_URL.
 * E2E_SMTP_PORT moves it; by default it follows E2E_PORT, so two checkouts can run side by side.
 * While no spec listens, the server's mail fails to send and is logged: no other spec reads mail.
 */
export const E2E_SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? Number(process.env.E2E_PORT ?? 3100) + 25);
export const E2E_MAIL_FROM = "Ironlog e2e <no-reply@ironlog.test>";
