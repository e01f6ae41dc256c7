import type { RuntimeMessage } from 'allure-js-commons/sdk';
import type { Capability } from '../../catalogue/index.ts';
import type { CheckRecord } from '../../records/schema.ts';
import { redact } from '../../redact.ts';
import { canonicalJson } from '../../../lib/canonical-json.ts';
import { verdictLabel } from '../verdicts.ts';

const EXCHANGE_ATTACHMENT = 'JSON-RPC exchange (redacted)';

/** What the Allure report shows about one record: its labels, the target, the evidence and, when it failed, the exchange. */
export function allureMessages(
  record: CheckRecord,
  capability: Pick<Capability, 'area' | 'tools'> | undefined,
): RuntimeMessage[] {
  const r = redact(record);
  const description = [
    `**${verdictLabel(r)}**: ${r.evidence}`,
    ...(r.workaround ? [`Workaround: ${r.workaround}`] : []),
    ...(r.prerequisite ? [`Missing prerequisite: ${r.prerequisite}`] : []),
    ...(r.details ? [`Details: \`${canonicalJson(r.details)}\``] : []),
  ].join('\n\n');
  const messages: RuntimeMessage[] = [
    {
      type: 'metadata',
      data: {
        labels: [
          { name: 'epic', value: capability?.area ?? r.capabilityId.split('.')[0] ?? 'unknown' },
          { name: 'feature', value: r.capabilityId },
          ...(capability?.tools ?? []).map((tool) => ({ name: 'story', value: tool })),
          { name: 'tag', value: r.verdict },
          ...(r.mode ? [{ name: 'tag', value: r.mode }] : []),
        ],
        parameters: [{ name: 'target', value: r.target }],
        description,
      },
    },
  ];
  if (r.exchange)
    messages.push({
      type: 'attachment_content',
      data: {
        name: EXCHANGE_ATTACHMENT,
        content: Buffer.from(JSON.stringify(r.exchange, null, 2)).toString('base64'),
        encoding: 'base64',
        contentType: 'application/json',
        fileExtension: 'json',
      },
    });
  return messages;
}
