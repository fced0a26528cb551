'use client';
// Runs in the browser, loaded when a reader starts on the signup form: React Query sends it.

import { useMutation } from '@tanstack/react-query';
import { useEffect } from 'react';
import { QueryProvider } from '@/components/query/query-provider.client';

/** The server's answer to a signup (lib/newsletter/http.ts). */
export type SignupAnswer = { ok: boolean; message: string; field?: string };

/** One press of 登録する: `seq` tells a new submission from the same fields sent again. */
export type SignupRequest = { seq: number; fields: Record<string, string> };

type SignupSenderProps = {
  action: string;
  request: SignupRequest | null;
  onChange: (state: { pending: boolean; answer: SignupAnswer | undefined }) => void;
};

async function postSignup(fields: Record<string, string>, action: string): Promise<SignupAnswer> {
  let response: Response;
  try {
    response = await fetch(action, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(fields) });
  } catch {
    return { ok: false, message: '通信できませんでした。接続を確かめて、もう一度お試しください。' };
  }
  const answer = (await response.json().catch(() => null)) as SignupAnswer | null;
  return answer ?? { ok: false, message: `送信できませんでした(${response.status})。時間をおいて、もう一度お試しください。` };
}

function Sender({ action, request, onChange }: SignupSenderProps) {
  const { mutate, isIdle, isPending, data } = useMutation({ mutationFn: (fields: Record<string, string>) => postSignup(fields, action) });

  // Each submission is sent once, when it arrives: the form makes a new `request` only for a new press
  // (a new `seq`), and `mutate` keeps its identity.
  useEffect(() => {
    if (request) mutate(request.fields);
  }, [request, mutate]);

  // Nothing to say until a submission that arrived with the script has started.
  useEffect(() => {
    if (!(request && isIdle)) onChange({ pending: isPending, answer: data });
  }, [request, isIdle, isPending, data, onChange]);
  return null;
}

/**
 * The sending half of the signup form: a leaf that renders nothing, kept out
 * of the page's first scripts so React Query loads only for a reader who
 * starts filling the form in.
 */
export default function SignupSender(props: SignupSenderProps) {
  return (
    <QueryProvider>
      <Sender {...props} />
    </QueryProvider>
  );
}
