import { plural, pluralWord } from '@/lib/plural';

export interface AlertsProps {
  /** Why the background could not load the catalog, or null. */
  catalogError: string | null;
  /** Why journaled note saves could not be replayed, or null. */
  recoveryError: string | null;
  /** How many replayed saves met a newer note (the options page lets the user choose). */
  recovered: number;
  onCompare: () => void;
}

/** The popup's problems, each its own message: one message, one place. */
export function Alerts({ catalogError, recoveryError, recovered, onCompare }: AlertsProps) {
  return (
    <>
      {catalogError && (
        <p role="alert" className="error" data-testid="catalog-error">
          The catalog could not be loaded: {catalogError}
        </p>
      )}
      {recoveryError && (
        <p role="alert" className="error" data-testid="recovery-error">
          Unsaved note text from an earlier window could not be recovered: {recoveryError}
        </p>
      )}
      {recovered > 0 && (
        <p role="alert" className="error" data-testid="recovered-notes">
          Text you typed earlier in {plural(recovered, 'note', 'notes')} was not saved because{' '}
          {pluralWord(recovered, { one: 'that note', other: 'those notes' })} changed elsewhere.{' '}
          <button type="button" className="pl-link-button" onClick={onCompare}>
            Compare in Options
          </button>
        </p>
      )}
    </>
  );
}
