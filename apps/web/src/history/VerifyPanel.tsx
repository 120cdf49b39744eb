import { Alert, Button, Card, FileInput, Group, List, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconShieldCheck, IconShieldX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from 'urql';
import type { ResultOf, VariablesOf } from '../graphql/graphql';
import { download } from './history-data';
import { HistoryDigestQuery, VerifyHistoryQuery } from './history.operations';

type Report = ResultOf<typeof VerifyHistoryQuery>['verifyHistory'];
type KeptDigest = NonNullable<VariablesOf<typeof VerifyHistoryQuery>['against']>;
type Scope = 'program' | 'store' | 'digest';

/**
 * A digest kept earlier (the JSON file "Take a digest" saved, or the same pasted), as the API
 * takes it; null when the text is not one.
 */
export function parseKeptDigest(text: string): KeptDigest | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!value || typeof value !== 'object') return null;
  const kept = value as Record<string, unknown>;
  const position = typeof kept.position === 'number' ? String(kept.position) : kept.position;
  if (typeof kept.digest !== 'string' || typeof position !== 'string') return null;
  const checkpoints = Array.isArray(kept.checkpoints)
    ? kept.checkpoints
        .filter((c): c is { position: string | number; digest: string } => c && typeof c === 'object' && typeof c.digest === 'string' && (typeof c.position === 'string' || typeof c.position === 'number'))
        .map((c) => ({ position: String(c.position), digest: c.digest }))
    : [];
  return { digest: kept.digest, position, algorithm: typeof kept.algorithm === 'string' ? kept.algorithm : null, checkpoints };
}

const fresh = { requestPolicy: 'network-only' } as const;

/** Verify the program or the store, take a digest to keep, verify against a kept one: each result in plain words. */
export function VerifyPanel({ programId }: { programId: string }) {
  const { t } = useTranslation();
  const client = useClient();
  const [busy, setBusy] = useState<Scope | 'take' | null>(null);
  const [outcome, setOutcome] = useState<{ scope: Scope; report: Report; position?: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [taken, setTaken] = useState<string | null>(null);
  const [kept, setKept] = useState('');
  const [keptError, setKeptError] = useState<string | null>(null);

  const verify = async (scope: Scope, variables: VariablesOf<typeof VerifyHistoryQuery>, position?: string) => {
    setBusy(scope);
    setError(null);
    setOutcome(null);
    const result = await client.query(VerifyHistoryQuery, variables, fresh).toPromise();
    setBusy(null);
    if (result.data) setOutcome({ scope, report: result.data.verifyHistory, position });
    else setError(t('common.error', { message: result.error?.message ?? '' }));
  };

  const takeDigest = async () => {
    setBusy('take');
    setError(null);
    const result = await client.query(HistoryDigestQuery, {}, fresh).toPromise();
    setBusy(null);
    const digest = result.data?.historyDigest;
    if (!digest) return setError(t('common.error', { message: result.error?.message ?? '' }));
    const file = `history-digest-${digest.takenAt.slice(0, 19).replace(/[:T]/g, '-')}.json`;
    download(file, `${JSON.stringify(digest, null, 2)}\n`, 'application/json');
    setTaken(t('history.verify.digestTaken', { events: digest.eventCount, position: digest.position, file }));
  };

  const verifyAgainst = () => {
    const against = parseKeptDigest(kept);
    if (!against) return setKeptError(t('history.verify.notADigest'));
    setKeptError(null);
    void verify('digest', { against }, against.position);
  };

  return (
    <Card withBorder component="section" aria-labelledby="verify">
      <Title order={2} size="h4" id="verify" mb="xs">
        {t('history.verify.title')}
      </Title>
      <Stack gap="sm">
        <Text size="sm">{t('history.verify.intro')}</Text>
        <Group gap="xs">
          <Button leftSection={<IconShieldCheck size={16} aria-hidden />} loading={busy === 'program'} onClick={() => void verify('program', { programId })}>
            {t('history.verify.program')}
          </Button>
          <Button variant="light" loading={busy === 'store'} onClick={() => void verify('store', {})}>
            {t('history.verify.store')}
          </Button>
          <Button variant="default" loading={busy === 'take'} onClick={() => void takeDigest()}>
            {t('history.verify.takeDigest')}
          </Button>
        </Group>
        {outcome && <VerifyResult {...outcome} />}
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        {taken && <Text size="sm" role="status">{taken}</Text>}
        <Stack gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
          <Text component="legend" fw={600} size="sm">
            {t('history.verify.against')}
          </Text>
          <FileInput
            label={t('history.verify.againstFile')}
            accept="application/json,.json"
            clearable
            onChange={(file) => {
              if (file) void file.text().then(setKept);
            }}
          />
          <Textarea label={t('history.verify.againstPaste')} value={kept} onChange={(event) => setKept(event.currentTarget.value)} rows={3} error={keptError} styles={{ input: { fontFamily: 'monospace', fontSize: 12 } }} />
          <Group>
            <Button variant="light" loading={busy === 'digest'} onClick={verifyAgainst} disabled={kept.trim() === ''}>
              {t('history.verify.againstSubmit')}
            </Button>
          </Group>
        </Stack>
      </Stack>
    </Card>
  );
}

/** A verification's result stated plainly: nothing altered, or where the chain breaks. */
export function VerifyResult({ scope, report, position }: { scope: Scope; report: Report; position?: string }) {
  const { t } = useTranslation();
  const lines: string[] = [];
  if (scope === 'digest') {
    const at = position ?? '';
    if (report.digestMatches) lines.push(t('history.verify.digestMatches', { position: at }));
    else if (report.digestMismatchFrom) lines.push(t('history.verify.digestChangedFrom', { position: report.digestMismatchFrom }));
    else lines.push(t('history.verify.digestChanged', { position: at }));
  }
  const chainOk = report.problemCount === 0;
  if (chainOk && scope !== 'digest') lines.push(t(scope === 'program' ? 'history.verify.okProgram' : 'history.verify.okStore', { events: report.eventsChecked, streams: report.streamsChecked }));
  if (!chainOk) lines.push(report.firstBrokenPosition ? t('history.verify.broken', { position: report.firstBrokenPosition }) : t('history.verify.brokenNoPosition', { count: report.problemCount }));
  const ok = report.ok;
  return (
    <Alert color={ok ? 'green' : 'red'} role={ok ? 'status' : 'alert'} icon={ok ? <IconShieldCheck aria-hidden /> : <IconShieldX aria-hidden />} data-testid="verify-result">
      <Stack gap={4}>
        {lines.map((line) => (
          <Text key={line} fw={600}>
            {line}
          </Text>
        ))}
        {!chainOk && (
          <>
            <Text size="sm">{t('history.verify.problems', { count: report.problemCount })}</Text>
            <List size="sm">
              {report.problems.map((problem, index) => (
                <List.Item key={index}>
                  {problem.kind} · {problem.streamId} v{problem.version}
                  {problem.position ? ` @ ${problem.position}` : ''}: {problem.detail}
                </List.Item>
              ))}
            </List>
          </>
        )}
      </Stack>
    </Alert>
  );
}
