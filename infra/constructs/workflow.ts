import { existsSync, readFileSync } from 'node:fs';
import { DEBIAN_FONT_DIRS, FONT_FILES } from '../../functions/typeset/fonts';
import { join } from 'node:path';
import { Duration } from 'aws-cdk-lib';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { EventType } from 'aws-cdk-lib/aws-s3';
import { LambdaDestination } from 'aws-cdk-lib/aws-s3-notifications';
import { DefinitionBody, LogLevel, StateMachine, StateMachineType } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { ENV } from '#shared/adapters/config';
import { RECEIVE_FUNCTION, SCHEDULED_FUNCTIONS, STATE_MACHINE_FILE, STEP_FUNCTIONS, STEP_TIMEOUT_SECONDS, functionArnPlaceholder, type StepState } from '../functions';
import { CirculateFunction, LOG_RETENTION, PROJECT_ROOT } from './circulate-function';
import { INTAKE_PREFIX, type Storage } from './storage';

export interface WorkflowProps {
  readonly storage: Storage;
}

/**
 * Typeset runs Typst's native module and needs its fonts: the module is installed beside the
 * bundle, the font files are copied into it from the synthesizing machine's Debian packages
 * (fonts-noto-core, fonts-noto-cjk), and CIRCULATE_FONT_DIR points there. More memory: the fonts
 * and a PDF's pages are in memory while it is typeset.
 */
const TYPESET_BUNDLE = {
  memorySize: 2048,
  environment: { [ENV.fontDir]: '/var/task/fonts' },
  native: {
    nodeModules: ['@myriaddreamin/typst-ts-node-compiler'],
    copy: FONT_FILES.map((name) => {
      const dir = DEBIAN_FONT_DIRS.find((d) => existsSync(join(d, name))) ?? DEBIAN_FONT_DIRS[0]!;
      return [join(dir, name), `fonts/${name}`] as const;
    }),
  },
};

/** What each step may touch; a new state in STEP_FUNCTIONS does not compile until it is listed here. */
const STEP_ACCESS: Record<StepState, (storage: Storage, fn: CirculateFunction) => void> = {
  // receive has already checked the files; Register only records the submission as received.
  Register: (s, fn) => s.grantTableReadWrite(fn),
  // Reads the verified copies, writes their texts beside them (texts/).
  ExtractText: (s, fn) => {
    s.grantTableReadWrite(fn);
    s.grantVerifiedRead(fn);
    s.grantTextsWrite(fn);
  },
  AssignSymbol: (s, fn) => s.grantTableReadWrite(fn),
  TagTranslationStatus: (s, fn) => {
    s.grantTableReadWrite(fn);
    s.grantIntakeTag(fn);
  },
  // Reads the verified copies and their texts, and the published files and texts of the document a
  // version belongs to; writes the PDF it makes under issued/.
  Typeset: (s, fn) => {
    s.grantTableReadWrite(fn);
    s.grantVerifiedRead(fn);
    s.grantTextsRead(fn);
    s.grantIssuedWrite(fn);
    s.grantSiteRead(fn);
  },
  Publish: (s, fn) => {
    s.grantTableReadWrite(fn);
    // The verified copies only: what receive checked, not what the upload key holds now; their texts and the typeset PDF.
    s.grantVerifiedRead(fn);
    s.grantTextsRead(fn);
    s.grantIssuedRead(fn);
    s.grantSitePublish(fn);
  },
  // The lists only: it reads the document records and the published texts, and writes pages, never a file.
  RenderLists: (s, fn) => {
    s.grantTableReadWrite(fn);
    s.grantSiteRead(fn);
    s.grantSitePublish(fn);
  },
  TagTranslation: (s, fn) => {
    s.grantTableReadWrite(fn);
    s.grantIntakeTag(fn);
  },
  PublishTranslation: (s, fn) => {
    s.grantTableReadWrite(fn);
    s.grantVerifiedRead(fn);
    s.grantTextsRead(fn);
    s.grantIssuedRead(fn);
    // The document's other texts, for its pages.
    s.grantSiteRead(fn);
    s.grantSitePublish(fn);
  },
  MarkFailed: (s, fn) => {
    s.grantTableReadWrite(fn);
    // Only deletes: a publication that failed before its session listed it is taken off the site.
    s.grantSiteUnpublish(fn);
  },
};

/** The step functions, the state machine from the ASL file, `receive`, which starts it, and the expiry of uploads that never came. */
export class Workflow extends Construct {
  readonly steps: Record<StepState, CirculateFunction>;
  readonly receive: CirculateFunction;
  readonly expireSubmissions: CirculateFunction;
  readonly resumeStalled: CirculateFunction;
  readonly stateMachine: StateMachine;

  constructor(scope: Construct, id: string, { storage }: WorkflowProps) {
    super(scope, id);

    const states = Object.keys(STEP_FUNCTIONS) as StepState[];
    this.steps = Object.fromEntries(
      states.map((state) => {
        const fn = new CirculateFunction(this, state, {
          name: STEP_FUNCTIONS[state],
          timeout: Duration.seconds(STEP_TIMEOUT_SECONDS[state]),
          ...(state === 'Typeset' ? TYPESET_BUNDLE : {}),
        });
        STEP_ACCESS[state](storage, fn);
        return [state, fn];
      }),
    ) as Record<StepState, CirculateFunction>;

    // The same file the local stack runs; read here (not fromFile) so the template carries it.
    const definition = readFileSync(join(PROJECT_ROOT, STATE_MACHINE_FILE), 'utf8');
    this.stateMachine = new StateMachine(this, 'StateMachine', {
      stateMachineType: StateMachineType.STANDARD,
      definitionBody: DefinitionBody.fromString(definition),
      definitionSubstitutions: Object.fromEntries(
        states.map((state) => [functionArnPlaceholder(state), this.steps[state].functionArn]),
      ),
      tracingEnabled: true,
      logs: {
        destination: new LogGroup(this, 'StateMachineLogs', { retention: LOG_RETENTION }),
        level: LogLevel.ALL,
        // Execution data is only submission ids and error names: nothing personal.
        includeExecutionData: true,
      },
    });
    for (const fn of Object.values(this.steps)) fn.grantInvoke(this.stateMachine);

    this.receive = new CirculateFunction(this, 'Receive', { name: RECEIVE_FUNCTION });
    storage.grantTableReadWrite(this.receive);
    storage.grantIntakeVerify(this.receive);
    this.stateMachine.grantStartExecution(this.receive);
    this.receive.addEnvironment(ENV.stateMachineArn, this.stateMachine.stateMachineArn);
    // Uploads only: receive's own copies under verified/ must not trigger it.
    storage.intakeBucket.addEventNotification(EventType.OBJECT_CREATED, new LambdaDestination(this.receive), {
      prefix: INTAKE_PREFIX,
    });

    // Hourly: a submission expires within an hour of its deadline (CIRCULATE_UPLOAD_EXPIRY_HOURS, 24 by default).
    this.expireSubmissions = new CirculateFunction(this, 'ExpireSubmissions', {
      name: SCHEDULED_FUNCTIONS.ExpireSubmissions, timeout: Duration.minutes(5),
    });
    storage.grantTableReadWrite(this.expireSubmissions);
    storage.grantIntakeExpire(this.expireSubmissions);
    new Rule(this, 'ExpireSubmissionsSchedule', {
      schedule: Schedule.rate(Duration.hours(1)),
      targets: [new LambdaFunction(this.expireSubmissions)],
    });

    // Hourly: nothing accepted stays unfinished (a workflow that ended without recording its end is run again).
    this.resumeStalled = new CirculateFunction(this, 'ResumeStalled', {
      name: SCHEDULED_FUNCTIONS.ResumeStalled, timeout: Duration.minutes(5),
    });
    storage.grantTableReadWrite(this.resumeStalled);
    storage.grantIntakeRead(this.resumeStalled);
    this.stateMachine.grantStartExecution(this.resumeStalled);
    this.stateMachine.grantRead(this.resumeStalled);
    this.resumeStalled.addEnvironment(ENV.stateMachineArn, this.stateMachine.stateMachineArn);
    new Rule(this, 'ResumeStalledSchedule', {
      schedule: Schedule.rate(Duration.hours(1)),
      targets: [new LambdaFunction(this.resumeStalled)],
    });
  }

  /**
   * StartExecution on this state machine, nothing else: for the redrive route, which runs a FAILED
   * submission again under a new execution (see functions/redrive-submission).
   */
  grantRedrive(fn: CirculateFunction): void {
    this.stateMachine.grantStartExecution(fn);
    fn.addEnvironment(ENV.stateMachineArn, this.stateMachine.stateMachineArn);
  }
}
