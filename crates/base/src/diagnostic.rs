//! Diagnostics as values.
//!
//! Every stage reports problems by returning [`Diagnostic`]s next to its partial result.
//! A diagnostic carries a stable `code` whose prefix names the stage (`C` for the C frontend,
//! `E` for the emitter, `D` for the driver, `V` for the verifier), the source span, and
//! optionally the offending source line for display.

use crate::Span;
use serde::Serialize;

/// How bad a diagnostic is.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The construct was not translated.
    Error,
    /// Translated, but the user should know something (a copy, a lossy mapping).
    Warning,
    /// Extra context.
    Note,
}

/// One problem found in the input, located in the source.
#[must_use]
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Diagnostic {
    /// Error, warning or note.
    pub severity: Severity,
    /// Stable identifier, e.g. `C0001`.
    pub code: String,
    /// One-line message naming the construct.
    pub message: String,
    /// Where it is.
    pub span: Span,
    /// The source line at `span`, when known, for display under the message.
    pub source_line: Option<String>,
}

impl Diagnostic {
    /// An error with `code` and `message` at `span`.
    pub fn error(code: &str, message: impl Into<String>, span: Span) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            code: code.to_string(),
            message: message.into(),
            span,
            source_line: None,
        }
    }
    /// A warning with `code` and `message` at `span`.
    pub fn warning(code: &str, message: impl Into<String>, span: Span) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, message, span)
        }
    }
    /// Attaches the text of the source line for display.
    pub fn with_source_line(mut self, line: impl Into<String>) -> Diagnostic {
        self.source_line = Some(line.into());
        self
    }
    /// True for errors.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl std::fmt::Display for Diagnostic {
    /// Renders as `file:line:col: error[C0001]: message` plus the source line and a caret.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let sev = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        };
        write!(f, "{}: {}[{}]: {}", self.span, sev, self.code, self.message)?;
        if let Some(line) = &self.source_line {
            write!(f, "\n    {}", line)?;
            if self.span.col > 0 {
                // Keep tabs so the caret lines up under tab-indented source.
                let pad: String = line
                    .chars()
                    .take(self.span.col as usize - 1)
                    .map(|c| if c == '\t' { '\t' } else { ' ' })
                    .collect();
                write!(f, "\n    {}^", pad)?;
            }
        }
        Ok(())
    }
}
