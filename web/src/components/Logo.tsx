// The mark: an "F" with a full stop — a figure, and where it ends (its source).
export function Logo() {
  return (
    <svg className="logo" viewBox="0 0 32 32" aria-hidden="true">
      <rect width="32" height="32" rx="7" fill="currentColor" />
      <path d="M9 22V10h9M9 16h7" stroke="#fff" strokeWidth="3" fill="none" strokeLinecap="round" strokeLinejoin="round" />
      <circle cx="22.5" cy="21.5" r="2.5" fill="#fff" />
    </svg>
  );
}
