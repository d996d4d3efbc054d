interface StatusMessageProps {
  title: string;
  detail?: string | null;
  /** Distinguishes the kind of message for styling and tests (`unreadable`, `no-article`…). */
  kind: string;
}

/** A headline and an optional explanation, announced to screen readers when it appears. */
export function StatusMessage({ title, detail, kind }: StatusMessageProps) {
  return (
    <div class={`status status-${kind}`} role="status">
      <p class="status-title">{title}</p>
      {detail ? <p class="status-detail">{detail}</p> : null}
    </div>
  );
}
