// Feeds signed webhooks to the third-party client whatsapp-api-js, which checks Meta's signature its own way
// (it re-escapes non-ASCII as lowercase \uXXXX before the HMAC) and parses them as Meta's.
// stdin: [{"body": "<base64 of the raw body>", "signature": "sha256=..."}]; argv[2]: the app secret.
// stdout: one result per webhook: {"ok": true, "events": [...]} or {"ok": false, "error": "<name>"}.
import { WhatsAppAPI } from "whatsapp-api-js";

const secret = process.argv[2];
let input = "";
for await (const chunk of process.stdin) input += chunk;

const api = new WhatsAppAPI({ token: "unused", appSecret: secret, webhookVerifyToken: "unused", v: "v24.0" });
let events = [];
api.on.message = ({ from, name, message }) => {
  events.push({ kind: "message", from, name, type: message.type, text: message.text?.body ?? null });
};
api.on.status = ({ phone, status, id, biz_opaque_callback_data }) => {
  events.push({ kind: "status", phone, status, id, callback: biz_opaque_callback_data ?? null });
};

const results = [];
for (const webhook of JSON.parse(input)) {
  events = [];
  const raw = Buffer.from(webhook.body, "base64").toString("utf8");
  try {
    await api.post(JSON.parse(raw), raw, webhook.signature);
    results.push({ ok: true, events });
  } catch (error) {
    results.push({ ok: false, error: error?.constructor?.name ?? String(error) });
  }
}
process.stdout.write(JSON.stringify(results));
