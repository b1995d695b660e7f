// Reads {"secret", "requests": [{"id", "timestamp", "signature", "body"}]} on stdin and verifies each request with the
// Standard Webhooks reference verifier; prints how many passed and exits 1 if any did not.
import { Webhook } from "standardwebhooks";

let input = "";
process.stdin.on("data", (chunk) => (input += chunk)).on("end", () => {
  const { secret, requests } = JSON.parse(input);
  const hook = new Webhook(secret);
  let failed = 0;
  for (const r of requests) {
    try {
      const payload = hook.verify(r.body, {
        "webhook-id": r.id,
        "webhook-timestamp": r.timestamp,
        "webhook-signature": r.signature,
      });
      if (typeof payload.type !== "string") throw new Error("no type in the payload");
    } catch (e) {
      failed++;
      console.error(`${r.id}: ${e.message}`);
    }
  }
  console.log(`verified ${requests.length - failed} of ${requests.length}`);
  process.exit(failed === 0 && requests.length > 0 ? 0 : 1);
});
