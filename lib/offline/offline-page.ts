/**
 * The page the service worker shows for a page it does not have with no signal. It has no scripts:
 * a page made ahead of time has no CSP nonce to run them with, and it needs none.
 */
export function offlinePageHtml(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="theme-color" content="#1f57d6">
<title>No connection · Ironlog</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 0; color: #0f172a; background: #f8fafc; }
  main { max-width: 32rem; margin: 0 auto; padding: 2rem 1rem; }
  h1 { font-size: 1.35rem; margin: 0 0 .75rem; }
  p, li { line-height: 1.5; }
  a { color: #1f57d6; font-weight: 600; }
  ul { padding-left: 1.2rem; }
</style>
</head>
<body>
<main>
  <h1>No connection, and this page is not on your phone yet</h1>
  <p>What still works without a signal:</p>
  <ul>
    <li>A workout in progress: every set you log is kept on this phone and syncs when you are back online.</li>
    <li>Starting a workout from your <a href="/program">program</a> or <a href="/log">log</a>.</li>
    <li>The pages you opened before: <a href="/dashboard">dashboard</a>, <a href="/exercises">exercises</a>, <a href="/history">history</a>.</li>
  </ul>
  <p>Pages you have not opened since signing in on this phone need a connection the first time.</p>
</main>
</body>
</html>`;
}
