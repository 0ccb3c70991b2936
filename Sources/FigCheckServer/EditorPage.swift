import FigCheckCore
import FigCheckKit

/// The editors' page: paste a draft or upload a file, set the subject country and the date, and
/// see the same highlighted report as `--format html`, in a sandboxed frame. One self-contained
/// page; without JavaScript the form still posts pasted text to `/check`.
enum EditorPage {
    // Long: the page is one HTML literal (markup, style and script); splitting it would only scatter the template.
    static func html(maxBodyBytes: Int, allowFetch: Bool) -> String {
        let megabytes = max(1, maxBodyBytes / (1024 * 1024))
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>figcheck — check the figures of a draft</title>
            <style>
            body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1d1d1f;background:#f6f6f4}
            header{background:#1d3557;color:#fff;padding:10px 24px}header h1{margin:0;font-size:20px}
            header p{margin:2px 0 0;opacity:.85}
            main{display:grid;grid-template-columns:minmax(320px,420px) 1fr;gap:20px;padding:16px 24px}
            form{background:#fff;border:1px solid #ddd;border-radius:6px;padding:14px}
            label{display:block;font-weight:600;margin-top:10px}
            textarea{width:100%;box-sizing:border-box;height:320px;font:13px/1.4 ui-monospace,monospace}
            input[type=text],input[type=date]{width:100%;box-sizing:border-box;padding:4px}
            button{margin-top:14px;padding:8px 18px;font-size:15px;background:#1d3557;color:#fff;border:0;border-radius:4px;cursor:pointer}
            #status{margin-top:10px;min-height:1.5em}#status.error{color:#c62828}#status.done{color:#2e7d32}
            iframe{width:100%;height:82vh;border:1px solid #ddd;border-radius:6px;background:#fff}
            small{color:#555}
            @media (max-width:900px){main{grid-template-columns:1fr}}
            </style>
            </head>
            <body>
            <header><h1>figcheck</h1><p>Paste a draft or upload a file: every figure is recomputed against the reference tables and the rest of the text.</p></header>
            <main>
            <form id="check" method="post" action="/check">
            <label for="text">Text</label>
            <textarea id="text" name="text" placeholder="Paste the draft here"></textarea>
            <label for="file">…or a file <small>(.txt, .md, .html, .docx, .pdf; at most \(megabytes) MB)</small></label>
            <input id="file" type="file" accept=".txt,.md,.markdown,.html,.htm,.docx,.pdf">
            <label for="subject">Subject country <small>(who “we” and “our” are: ISO code, e.g. KOR)</small></label>
            <input id="subject" name="subject" type="text" maxlength="3" autocomplete="off">
            <label for="date">Publication date <small>(“last year” is counted from it; empty: read from the text)</small></label>
            <input id="date" name="date" type="date">
            <button id="submit" type="submit">Check figures</button>
            <div id="status" role="status"></div>
            <p><small>Nothing is stored. \(allowFetch ? "The API also fetches URLs." : "This server fetches no URLs.") API: <code>POST /api/check</code> returns the JSON report.</small></p>
            </form>
            <iframe id="report" title="Report" sandbox></iframe>
            </main>
            <script>
            const form = document.getElementById('check');
            const status = document.getElementById('status');
            const frame = document.getElementById('report');
            function say(text, kind) { status.textContent = text; status.className = kind || ''; }
            form.addEventListener('submit', async (event) => {
              event.preventDefault();
              const file = document.getElementById('file').files[0];
              const text = document.getElementById('text').value;
              if (!file && !text.trim()) { say('Paste a text or choose a file.', 'error'); return; }
              const params = new URLSearchParams({format: 'html', filename: file ? file.name : 'pasted.txt'});
              const subject = document.getElementById('subject').value.trim();
              const date = document.getElementById('date').value;
              if (subject) params.set('subject', subject);
              if (date) params.set('date', date);
              say('Checking…');
              document.getElementById('submit').disabled = true;
              try {
                const body = file ? await file.arrayBuffer() : text;
                const response = await fetch('/api/check?' + params.toString(), {
                  method: 'POST', body: body,
                  headers: {'Content-Type': file ? 'application/octet-stream' : 'text/plain; charset=utf-8'}});
                if (!response.ok) {
                  let message = response.statusText;
                  try { message = (await response.json()).error || message; } catch (ignored) {}
                  say('Not checked: ' + message, 'error');
                  return;
                }
                frame.srcdoc = await response.text();
                const count = (name) => response.headers.get('X-Figcheck-' + name) || '0';
                say(count('Claims') + ' claims checked: ' + count('Inconsistent') + ' inconsistent, '
                    + count('Needs-Review') + ' to review.', 'done');
              } catch (error) {
                say('Not checked: ' + error.message, 'error');
              } finally {
                document.getElementById('submit').disabled = false;
              }
            });
            </script>
            </body>
            </html>

            """
    }

    /// A short page for a form post that could not be checked; the message is escaped.
    static func errorPage(_ message: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>figcheck: not checked</title></head>
        <body style="font:15px/1.5 system-ui,sans-serif;margin:24px"><h1>Not checked</h1>
        <p>\(ReportText.escapeMarkup(message))</p><p><a href="/">Back</a></p></body></html>

        """
    }
}
