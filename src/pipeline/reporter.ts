/** How the pipeline tells a person what it is doing; the CLI and the action each supply one. */
export interface Reporter {
  info(message: string): void;
  warn(message: string): void;
  /** Long work: called often; the implementation decides how often to draw. */
  progress(task: string, done: number, total: number): void;
}

export const silentReporter: Reporter = {
  info() {},
  warn() {},
  progress() {},
};
