import { readFileSync } from 'node:fs';
import aslValidator from 'asl-validator';
import { describe, expect, it } from '@jest/globals';
import { labelled } from '../support/expect';
import { STATE_MACHINE_FILE, STEP_FUNCTIONS, functionArnPlaceholder, type StepState } from '../../infra/functions';
import { AllocationContention, TRANSIENT_ERRORS } from '#shared/domain/errors';
import { ListingPending } from '../../functions/render-lists/render-lists';

const text = readFileSync(STATE_MACHINE_FILE, 'utf8');
const definition = JSON.parse(text) as { StartAt: string; States: Record<string, {
  Type: string; Next?: string; End?: boolean; Parameters?: { FunctionName?: string };
  Retry?: { ErrorEquals: string[]; JitterStrategy?: string; BackoffRate?: number }[];
  Catch?: { ErrorEquals: string[]; Next: string }[]; QueryLanguage?: string;
}> };
const LAMBDA_ERRORS = ['Lambda.ServiceException', 'Lambda.AWSLambdaException', 'Lambda.SdkClientException', 'Lambda.TooManyRequestsException', 'Lambda.ClientExecutionTimeoutException'];

describe('state-machines/circulate.asl.json', () => {
  it('is valid ASL once its placeholders are substituted', () => {
    const substituted = JSON.parse(text.replace(/\$\{(\w+)\}/g, 'arn:aws:lambda:us-east-1:000000000000:function:$1'));
    const { isValid, errors } = aslValidator(substituted);
    expect(errors).toEqual([]);
    expect(isValid).toBe(true);
  });

  /** The states a run goes through from Register when Route chooses `flow`. */
  function path(flow: string): string[] {
    const order: string[] = [];
    for (let state: string | undefined = definition.StartAt; state; ) {
      order.push(state);
      const s = definition.States[state] as { Next?: string; Choices?: { StringEquals: string; Next: string }[]; Default?: string } | undefined;
      state = s?.Choices ? (s.Choices.find((c) => c.StringEquals === flow)?.Next ?? s.Default) : s?.Next;
    }
    return order;
  }

  it('runs Register, ExtractText, AssignSymbol, TagTranslationStatus, Typeset, Publish, RenderLists in that order for a new document', () => {
    expect(path('document')).toEqual(['Register', 'ExtractText', 'Route', 'AssignSymbol', 'TagTranslationStatus', 'Typeset', 'PublishRoute', 'Publish', 'RenderLists']);
    expect(definition.States.RenderLists?.End).toBe(true);
  });

  it('takes a translation from Register to TagTranslation, the same Typeset, PublishTranslation and the same RenderLists', () => {
    expect(path('translation')).toEqual(['Register', 'ExtractText', 'Route', 'TagTranslation', 'Typeset', 'PublishRoute', 'PublishTranslation', 'RenderLists']);
    // The two choices read the path from the state: Register, ExtractText and Typeset each pass it on.
    for (const state of ['Register', 'ExtractText', 'Typeset']) {
      labelled(state, () => expect((definition.States[state] as { ResultSelector?: unknown } | undefined)?.ResultSelector).toMatchObject({ 'flow.$': '$.Payload.flow' }));
    }
  });

  it('retries every step but MarkFailed on every transient fault (all are idempotent), with backoff and jitter', () => {
    for (const state of ['Register', 'ExtractText', 'AssignSymbol', 'TagTranslationStatus', 'Typeset', 'Publish', 'RenderLists', 'TagTranslation', 'PublishTranslation']) {
      const retry = definition.States[state]?.Retry?.find((r) => r.ErrorEquals.includes('States.Timeout'));
      labelled(state, () => expect(retry?.ErrorEquals).toEqual([...TRANSIENT_ERRORS]));
      expect(retry?.BackoffRate).toBeGreaterThan(1);
      expect(retry?.JitterStrategy).toBe('FULL');
    }
  });

  it('calls each step through its own function placeholder', () => {
    for (const state of Object.keys(STEP_FUNCTIONS) as StepState[]) {
      expect(definition.States[state]?.Parameters?.FunctionName).toBe(`\${${functionArnPlaceholder(state)}}`);
    }
  });

  it('retries Lambda service errors and throttling with backoff and jitter on every step', () => {
    for (const state of ['Register', 'ExtractText', 'AssignSymbol', 'TagTranslationStatus', 'Typeset', 'Publish', 'RenderLists', 'TagTranslation', 'PublishTranslation']) {
      const retry = definition.States[state]?.Retry?.find((r) => r.ErrorEquals.includes('Lambda.TooManyRequestsException'));
      expect(retry?.ErrorEquals).toEqual(expect.arrayContaining(LAMBDA_ERRORS));
      expect(retry?.BackoffRate).toBeGreaterThan(1);
      expect(retry?.JitterStrategy).toBe('FULL');
    }
  });

  it('sends any step failure to MarkFailed, then to a Fail state', () => {
    for (const state of ['Register', 'ExtractText', 'AssignSymbol', 'TagTranslationStatus', 'Typeset', 'Publish', 'RenderLists', 'TagTranslation', 'PublishTranslation']) {
      expect(definition.States[state]?.Catch).toEqual([expect.objectContaining({ ErrorEquals: ['States.ALL'], Next: 'MarkFailed' })]);
    }
    expect(definition.States.MarkFailed?.Next).toBe('Failed');
    expect(definition.States.Failed?.Type).toBe('Fail');
  });

  it('uses JSONPath only (the local runner ignores JSONata)', () => {
    expect(text).not.toMatch(/JSONata/i);
    expect(Object.values(definition.States).every((s) => s.QueryLanguage === undefined)).toBe(true);
  });
});

describe('the errors the state machine retries by name', () => {
  // Each state's own errors (beyond States.* and Lambda.*), and the classes its function throws them with.
  const THROWN_BY: Partial<Record<StepState, (new (message: string) => Error)[]>> = {
    AssignSymbol: [AllocationContention],
    RenderLists: [ListingPending],
  };
  const namedErrors = (state: string) => (definition.States[state]?.Retry ?? [])
    .flatMap((r) => r.ErrorEquals)
    .filter((name) => !name.startsWith('States.') && !name.startsWith('Lambda.') && !(TRANSIENT_ERRORS as readonly string[]).includes(name));

  it.each(Object.keys(STEP_FUNCTIONS))('are, for %s, the names its error classes give their errors', (state) => {
    const classes = THROWN_BY[state as StepState] ?? [];
    expect(namedErrors(state).sort()).toEqual(classes.map((E) => new E('any message').name).sort());
  });

  it('survive minification: each class sets its name itself rather than relying on the constructor’s', () => {
    for (const E of Object.values(THROWN_BY).flat()) {
      expect(Object.getOwnPropertyDescriptor(new E('any message'), 'name')?.value).toBe(E.name);
    }
  });
});
