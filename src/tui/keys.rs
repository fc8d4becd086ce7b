//! The one keymap table: every binding of every mode, its footer hint and its help
//! line. [`resolve`] reads it to turn a key into a [`Msg`]; the footer and the `?`
//! screen are drawn from it too, so they cannot drift from the real bindings.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::msg::Msg;
pub use super::msg::{Action, Mode};

/// A key as written in the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// A plain character (shifted characters are their own char, e.g. `G`, `?`).
    Ch(char),
    /// Control plus a letter.
    Ctrl(char),
    /// A special key.
    Code(KeyCode),
}

impl Key {
    fn matches(self, ev: &KeyEvent) -> bool {
        let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
        let alt = ev.modifiers.contains(KeyModifiers::ALT);
        match (self, ev.code) {
            (Key::Ch(c), KeyCode::Char(k)) => !ctrl && !alt && k == c,
            (Key::Ctrl(c), KeyCode::Char(k)) => ctrl && k.eq_ignore_ascii_case(&c),
            (Key::Code(KeyCode::BackTab), KeyCode::BackTab) => true,
            (Key::Code(KeyCode::BackTab), KeyCode::Tab) => {
                ev.modifiers.contains(KeyModifiers::SHIFT)
            }
            (Key::Code(KeyCode::Tab), KeyCode::Tab) => {
                !ev.modifiers.contains(KeyModifiers::SHIFT) && !ctrl
            }
            (Key::Code(a), b) => a == b && !ctrl,
            _ => false,
        }
    }

    /// How the key is written in hints.
    pub fn label(self) -> String {
        match self {
            Key::Ch(' ') => "Space".into(),
            Key::Ch(c) => c.to_string(),
            Key::Ctrl(c) => format!("Ctrl-{}", c.to_ascii_uppercase()),
            Key::Code(code) => match code {
                KeyCode::Up => "↑".into(),
                KeyCode::Down => "↓".into(),
                KeyCode::Left => "←".into(),
                KeyCode::Right => "→".into(),
                KeyCode::Enter => "Enter".into(),
                KeyCode::Esc => "Esc".into(),
                KeyCode::Tab => "Tab".into(),
                KeyCode::BackTab => "S-Tab".into(),
                KeyCode::Backspace => "Bksp".into(),
                KeyCode::Delete => "Del".into(),
                KeyCode::Home => "Home".into(),
                KeyCode::End => "End".into(),
                KeyCode::PageUp => "PgUp".into(),
                KeyCode::PageDown => "PgDn".into(),
                other => format!("{other}"),
            },
        }
    }
}

/// One row of the keymap.
#[derive(Debug)]
pub struct Binding {
    /// Where it applies.
    pub modes: &'static [Mode],
    /// The keys (any of them).
    pub keys: &'static [Key],
    /// What they do.
    pub action: Action,
    /// Short text for the footer; empty: help screen only.
    pub hint: &'static str,
    /// Text for the help screen.
    pub help: &'static str,
}

impl Binding {
    /// The keys as written in hints, e.g. `↑/k`; a run of digits collapses to `1-5`.
    pub fn keys_label(&self) -> String {
        let digits: Vec<char> = self
            .keys
            .iter()
            .filter_map(|k| match k {
                Key::Ch(c) if c.is_ascii_digit() => Some(*c),
                _ => None,
            })
            .collect();
        let mut parts: Vec<String> = Vec::new();
        if let (Some(first), Some(last)) = (digits.first(), digits.last())
            && digits.len() > 2
        {
            parts.push(format!("{first}-{last}"));
        }
        for k in self.keys {
            if digits.len() > 2 && matches!(k, Key::Ch(c) if c.is_ascii_digit()) {
                continue;
            }
            parts.push(k.label());
        }
        parts.join("/")
    }
}

use KeyCode as C;
use Mode as M;

const ALL: &[Mode] = &[
    M::Home,
    M::NewForm,
    M::Question,
    M::Editor,
    M::Prompt,
    M::Confirm,
    M::Overview,
    M::Results,
    M::Roadmap,
    M::Targets,
    M::Export,
    M::Help,
    M::Notice,
    M::Voting,
    M::Presenter,
    M::Override,
    M::Soa,
    M::Checklist,
    M::Details,
    M::Agenda,
    M::Register,
    M::RegisterPick,
];
/// The screens of an open assessment.
pub const SCREENS: &[Mode] = &[
    M::Question,
    M::Voting,
    M::Overview,
    M::Soa,
    M::Results,
    M::Roadmap,
    M::Targets,
    M::Export,
];
const COMMANDS: &[Mode] = &[
    M::Home,
    M::Details,
    M::Checklist,
    M::Question,
    M::Voting,
    M::Presenter,
    M::Overview,
    M::Soa,
    M::Results,
    M::Roadmap,
    M::Targets,
    M::Export,
    M::Agenda,
    M::Register,
    M::RegisterPick,
];
const LISTS: &[Mode] = &[
    M::Home,
    M::Overview,
    M::Results,
    M::Soa,
    M::Roadmap,
    M::Targets,
    M::Export,
    M::Help,
    M::Notice,
    M::Voting,
    M::Presenter,
    M::Checklist,
    M::Details,
    M::Agenda,
    M::Register,
    M::RegisterPick,
];
const TEXT: &[Mode] = &[M::NewForm, M::Editor, M::Prompt];
/// Where votes are recorded: the voting screen and the presenter view.
const VOTE: &[Mode] = &[M::Voting, M::Presenter];
/// Where the question can change: the question screen, voting, presenter.
const ON_QUESTION: &[Mode] = &[M::Question, M::Voting, M::Presenter];
const DIGITS: &[Key] = &[
    Key::Ch('1'),
    Key::Ch('2'),
    Key::Ch('3'),
    Key::Ch('4'),
    Key::Ch('5'),
];

/// Every binding. Order matters: the first match wins, and it is the order of the
/// footer and the help screen. Every action has a key that a laptop without Home,
/// End, Page Up/Down or forward Delete has (a MacBook; Terminal.app also keeps those
/// keys for its own scrolling).
#[rustfmt::skip]
pub static KEYMAP: &[Binding] = &[
    // Workshop voting (and the presenter view, where the facilitator keeps recording).
    Binding { modes: VOTE, keys: DIGITS, action: Action::Digit, hint: "vote", help: "Record the selected participant's vote, then go to the next person still to vote (no participants: score the question)" },
    Binding { modes: VOTE, keys: &[Key::Ch('n')], action: Action::NotApplicable, hint: "N/A", help: "Vote N/A (only where the question allows it)" },
    Binding { modes: VOTE, keys: &[Key::Code(C::Backspace)], action: Action::Backspace, hint: "", help: "Clear the selected participant's vote" },
    Binding { modes: VOTE, keys: &[Key::Code(C::Enter), Key::Ch('c')], action: Action::ConfirmConsensus, hint: "confirm", help: "Confirm the proposed consensus: it becomes the question's level" },
    Binding { modes: VOTE, keys: &[Key::Ch('o')], action: Action::OverrideConsensus, hint: "override", help: "Override the consensus: o, then the level 1-5 (or n for N/A)" },
    Binding { modes: &[M::Voting], keys: &[Key::Ch('a')], action: Action::AddParticipant, hint: "add", help: "Add a participant" },
    Binding { modes: &[M::Voting], keys: &[Key::Ch('r')], action: Action::RenameParticipant, hint: "rename", help: "Rename the selected participant (their votes and notes follow)" },
    Binding { modes: &[M::Voting], keys: &[Key::Ch('x')], action: Action::LeaveRoom, hint: "left", help: "The selected participant left the room: their votes stay, they get no new ones (again: back in the room)" },
    Binding { modes: &[M::Voting], keys: &[Key::Ch('d'), Key::Code(C::Delete)], action: Action::Delete, hint: "remove", help: "Remove a participant added by mistake, with their votes (asks first, saying how many votes go)" },
    Binding { modes: &[M::Voting], keys: &[Key::Ch('m')], action: Action::ParticipantNote, hint: "note", help: "Write a note attributed to the selected participant" },
    Binding { modes: &[M::Voting], keys: &[Key::Ch('t')], action: Action::SetTimebox, hint: "timebox", help: "Set the time per question for this assessment's sessions" },
    Binding { modes: VOTE, keys: &[Key::Ch('N')], action: Action::NextAgendaItem, hint: "next on agenda", help: "Go to the next question on the discussion agenda (divergent, disputed N/A, to confirm, unanswered)" },
    Binding { modes: VOTE, keys: &[Key::Ch('A')], action: Action::Agenda, hint: "agenda", help: "The discussion agenda: the questions still to settle, in the order to take them" },
    Binding { modes: VOTE, keys: &[Key::Ch('b')], action: Action::Break, hint: "break", help: "Start or end a break: the question timer and the session clock pause" },
    Binding { modes: &[M::Presenter], keys: &[Key::Ch('p'), Key::Code(C::Esc)], action: Action::Presenter, hint: "leave", help: "Leave the presenter view" },
    Binding { modes: &[M::Agenda], keys: &[Key::Code(C::Enter)], action: Action::Enter, hint: "go to", help: "Go to the highlighted question" },
    Binding { modes: &[M::Agenda], keys: &[Key::Ch('C')], action: Action::ConfirmUnanimous, hint: "confirm unanimous", help: "Confirm every proposal on which all votes agree, in one step (says how many, asks first)" },
    Binding { modes: &[M::Agenda], keys: &[Key::Code(C::Esc), Key::Ch('A')], action: Action::Agenda, hint: "close", help: "Close the agenda" },
    Binding { modes: &[M::Override], keys: DIGITS, action: Action::Digit, hint: "level", help: "The level the room agreed on" },
    Binding { modes: &[M::Override], keys: &[Key::Ch('n')], action: Action::NotApplicable, hint: "N/A", help: "Not applicable (only where the question allows it)" },
    Binding { modes: &[M::Override], keys: &[Key::Code(C::Esc)], action: Action::Back, hint: "cancel", help: "Cancel: keep the consensus as it is" },
    // Question screen: the core loop first, so the footer shows it first.
    Binding { modes: &[M::Question], keys: DIGITS, action: Action::Digit, hint: "score", help: "Score the question at this level (in a workshop: use Voting)" },
    Binding { modes: &[M::Question], keys: &[Key::Ch('n')], action: Action::NotApplicable, hint: "N/A", help: "Not applicable (only where the question allows it; a justification note is then required)" },
    Binding { modes: &[M::Question, M::Voting], keys: &[Key::Ch('f')], action: Action::ToggleFlag, hint: "flag", help: "Flag for follow-up with a reason (again: remove the flag)" },
    Binding { modes: ON_QUESTION, keys: &[Key::Code(C::Left), Key::Ch('h')], action: Action::PrevQuestion, hint: "prev", help: "Previous question" },
    Binding { modes: ON_QUESTION, keys: &[Key::Code(C::Right), Key::Ch('l')], action: Action::NextQuestion, hint: "next", help: "Next question" },
    Binding { modes: &[M::Question], keys: &[Key::Ch('t')], action: Action::Checklist, hint: "checks", help: "The question's yes/no checks by level: tick what is true, and the evidence supports a level" },
    Binding { modes: &[M::Checklist], keys: &[Key::Ch(' '), Key::Code(C::Enter)], action: Action::ToggleCheck, hint: "tick", help: "Tick or untick the highlighted check (saved at once)" },
    Binding { modes: &[M::Checklist], keys: &[Key::Ch('a')], action: Action::AttachEvidence, hint: "attach", help: "Attach a file (hashed now, never copied) or a link as evidence of the highlighted check" },
    Binding { modes: &[M::Checklist], keys: &[Key::Ch('l')], action: Action::LinkEvidence, hint: "link", help: "Link an item of the evidence register to the highlighted check (pick it from the list)" },
    Binding { modes: &[M::Checklist], keys: &[Key::Ch('A')], action: Action::AttachToQuestion, hint: "", help: "Attach a file (hashed now, never copied) or a link as evidence of the question as a whole" },
    Binding { modes: &[M::Checklist], keys: &[Key::Ch('L')], action: Action::LinkToQuestion, hint: "", help: "Link an item of the evidence register to the question as a whole" },
    Binding { modes: &[M::Checklist], keys: &[Key::Ch('r')], action: Action::Register, hint: "register", help: "The evidence register: every item, where it is used, whether its file changed" },
    Binding { modes: &[M::Checklist], keys: &[Key::Code(C::Esc), Key::Ch('t')], action: Action::Checklist, hint: "close", help: "Close the checklist" },
    // The evidence register (and the register as a picker, opened from the checklist).
    Binding { modes: &[M::RegisterPick], keys: &[Key::Code(C::Enter)], action: Action::Enter, hint: "link", help: "Link the selected item, then go back to the checklist" },
    Binding { modes: &[M::Register], keys: &[Key::Code(C::Enter)], action: Action::Enter, hint: "question", help: "Open the first question that uses the selected item (Esc comes back here)" },
    Binding { modes: &[M::Register, M::RegisterPick], keys: &[Key::Ch('v')], action: Action::VerifyFiles, hint: "check files", help: "Re-hash every file of the register: unchanged, changed or missing (in the background)" },
    Binding { modes: &[M::Register], keys: &[Key::Code(C::Esc)], action: Action::Back, hint: "back", help: "Back where the register was opened from" },
    Binding { modes: &[M::RegisterPick], keys: &[Key::Code(C::Esc)], action: Action::Back, hint: "cancel", help: "Back to the checklist without linking anything" },
    Binding { modes: &[M::Question], keys: &[Key::Ch('u')], action: Action::NextUnanswered, hint: "unanswered", help: "Next unanswered question" },
    Binding { modes: &[M::Question], keys: &[Key::Ch('i')], action: Action::ToggleGuidance, hint: "guidance", help: "Show or hide the guidance" },
    Binding { modes: &[M::Question], keys: &[Key::Ch('e')], action: Action::EditNote, hint: "note", help: "Write a note (saved as you type)" },
    Binding { modes: &[M::Question], keys: &[Key::Ch('v')], action: Action::EditEvidence, hint: "evidence", help: "Edit the evidence seen, one item per line" },
    Binding { modes: &[M::Question, M::Overview, M::Voting], keys: &[Key::Ch('g')], action: Action::JumpTo, hint: "go to", help: "Go to a question by number" },
    Binding { modes: &[M::Question, M::Overview], keys: &[Key::Ch('/')], action: Action::Search, hint: "search", help: "Find a question by its text or id" },
    Binding { modes: &[M::Question], keys: &[Key::Ch('c')], action: Action::ConfirmAnswer, hint: "", help: "Confirm an answer carried over from the previous questionnaire version (marked to re-check)" },
    Binding { modes: &[M::Question], keys: &[Key::Ch('x'), Key::Code(C::Delete)], action: Action::ClearAnswer, hint: "", help: "Clear the level (the note stays)" },
    Binding { modes: &[M::Question], keys: &[Key::Ch('a')], action: Action::Soa, hint: "controls", help: "Annex A question: its controls in the Statement of Applicability" },
    Binding { modes: &[M::Question], keys: &[Key::Ch('w')], action: Action::Voting, hint: "vote", help: "Workshop: participants' votes and the consensus on this question" },
    Binding { modes: &[M::Question, M::Voting], keys: &[Key::Ch('p')], action: Action::Presenter, hint: "presenter", help: "Presenter view for the room: question, votes, what levels mean" },
    // Home.
    Binding { modes: &[M::Home], keys: &[Key::Code(C::Enter)], action: Action::Enter, hint: "open", help: "Open the selected assessment" },
    Binding { modes: &[M::Home], keys: &[Key::Ch('n')], action: Action::New, hint: "new", help: "Create a new assessment" },
    Binding { modes: &[M::Home], keys: &[Key::Ch('a')], action: Action::EditDetails, hint: "details", help: "Open the selected assessment on its details: organisation, scope, assessors, language, document control, conclusion" },
    Binding { modes: &[M::Home], keys: &[Key::Ch('r')], action: Action::NextRound, hint: "next round", help: "Start the next round of the selected assessment (same organisation, targets and plan; last answers shown beside each question)" },
    Binding { modes: &[M::Home], keys: &[Key::Ch('d'), Key::Code(C::Delete)], action: Action::Delete, hint: "delete", help: "Delete the selected assessment: asks first, then moves it to the trash folder" },
    // The new-assessment form.
    Binding { modes: &[M::NewForm], keys: &[Key::Code(C::Enter)], action: Action::Enter, hint: "next / start", help: "Next field; on the last field (or a target), create the assessment" },
    Binding { modes: &[M::NewForm], keys: &[Key::Code(C::Tab)], action: Action::Down, hint: "", help: "Next field" },
    Binding { modes: &[M::NewForm], keys: &[Key::Code(C::BackTab)], action: Action::Up, hint: "", help: "Previous field" },
    // Overview.
    Binding { modes: &[M::Overview], keys: &[Key::Code(C::Enter)], action: Action::Enter, hint: "open", help: "Open the selected question" },
    Binding { modes: &[M::Results], keys: &[Key::Code(C::Enter)], action: Action::Enter, hint: "open", help: "Open what the selected finding is about: its question, or the statement (Esc comes back here)" },
    Binding { modes: &[M::Overview], keys: &[Key::Ch('f')], action: Action::Filter, hint: "filter", help: "Filter: all, unanswered, flagged, critical gaps" },
    Binding { modes: &[M::Overview], keys: &[Key::Ch('r')], action: Action::Register, hint: "register", help: "The evidence register: every item, where it is used, whether its file changed" },
    // Statement of Applicability.
    Binding { modes: &[M::Soa], keys: &[Key::Ch('i')], action: Action::Include, hint: "include", help: "Include the selected control (then say why, and how far it is implemented)" },
    Binding { modes: &[M::Soa], keys: &[Key::Ch('x')], action: Action::Exclude, hint: "exclude", help: "Exclude the selected control, with a justification (refused where a mandatory clause requires it)" },
    Binding { modes: &[M::Soa], keys: &[Key::Ch('s'), Key::Ch(' ')], action: Action::CycleStatus, hint: "implementation", help: "Next implementation of an included control: not started, planned, partial, implemented" },
    Binding { modes: &[M::Soa], keys: &[Key::Ch('e')], action: Action::EditJustification, hint: "justify", help: "Write why the control is included or excluded" },
    Binding { modes: &[M::Soa], keys: &[Key::Ch('o')], action: Action::SetOwner, hint: "owner", help: "Set the owner of the selected control" },
    Binding { modes: &[M::Soa], keys: &[Key::Ch('f')], action: Action::Filter, hint: "filter", help: "Filter: all, undecided, excluded, not implemented" },
    Binding { modes: &[M::Soa], keys: &[Key::Code(C::Enter)], action: Action::Enter, hint: "question", help: "Open the question that assesses the selected control" },
    // Roadmap.
    Binding { modes: &[M::Roadmap], keys: &[Key::Ch('o')], action: Action::SetOwner, hint: "owner", help: "Set the owner of the selected item" },
    Binding { modes: &[M::Roadmap], keys: &[Key::Ch('s'), Key::Ch(' ')], action: Action::CycleStatus, hint: "status", help: "Next status: open, in progress, done" },
    Binding { modes: &[M::Roadmap], keys: &[Key::Code(C::Enter)], action: Action::Enter, hint: "question", help: "Open the item's question (to re-score it once the work is done)" },
    Binding { modes: &[M::Roadmap], keys: &[Key::Ch('t')], action: Action::SetRoadmapStart, hint: "start date", help: "Fix the roadmap's first day (otherwise today, and due dates move every day)" },
    // Targets.
    Binding { modes: &[M::Targets], keys: DIGITS, action: Action::Digit, hint: "set", help: "Set the selected domain's target level" },
    Binding { modes: &[M::Targets], keys: &[Key::Code(C::Left), Key::Ch('-')], action: Action::Left, hint: "lower", help: "Lower the target" },
    Binding { modes: &[M::Targets], keys: &[Key::Code(C::Right), Key::Ch('+')], action: Action::Right, hint: "raise", help: "Raise the target" },
    Binding { modes: &[M::Targets], keys: &[Key::Ch('m')], action: Action::EditDomainNote, hint: "note", help: "Write the assessor's note on the selected domain, printed beside the report's domain table" },
    Binding { modes: &[M::NewForm], keys: &[Key::Code(C::Left)], action: Action::Left, hint: "", help: "Cursor left; on a target: lower it" },
    Binding { modes: &[M::NewForm], keys: &[Key::Code(C::Right)], action: Action::Right, hint: "", help: "Cursor right; on a target: raise it" },
    // Export.
    Binding { modes: &[M::Export], keys: &[Key::Ch(' ')], action: Action::ToggleFormat, hint: "toggle", help: "Include or leave out the selected format" },
    Binding { modes: &[M::Export], keys: &[Key::Ch('o')], action: Action::EditFolder, hint: "folder", help: "Change the folder the files are written to" },
    Binding { modes: &[M::Export], keys: &[Key::Ch('a')], action: Action::EditDetails, hint: "details", help: "The assessment details screen: organisation, scope, assessors, language, document control, conclusion (Esc comes back here)" },
    Binding { modes: &[M::Export], keys: &[Key::Ch('c')], action: Action::EditConclusion, hint: "", help: "The details screen at the assessor's conclusion, printed in the report's executive summary" },
    Binding { modes: &[M::Export], keys: &[Key::Ch('d')], action: Action::EditDocument, hint: "", help: "The details screen at the report's document control: version, classification, author, approver, approval date" },
    // Assessment details.
    Binding { modes: &[M::Details], keys: &[Key::Code(C::Enter), Key::Ch('e')], action: Action::Enter, hint: "edit", help: "Edit the selected field (saved when you press Enter in it)" },
    Binding { modes: &[M::Details], keys: &[Key::Code(C::Esc)], action: Action::Back, hint: "back", help: "Back to the screen the details were opened from (home when opened from there)" },
    Binding { modes: &[M::Export], keys: &[Key::Ch('w'), Key::Code(C::Enter)], action: Action::RunExport, hint: "write", help: "Write the chosen files" },
    // Yes / no.
    Binding { modes: &[M::Confirm], keys: &[Key::Ch('y'), Key::Ch('Y')], action: Action::Yes, hint: "yes", help: "Yes" },
    Binding { modes: &[M::Confirm], keys: &[Key::Ch('n'), Key::Ch('N'), Key::Code(C::Esc)], action: Action::No, hint: "no", help: "No (so does any other key)" },
    // Text input.
    Binding { modes: &[M::Editor], keys: &[Key::Code(C::Esc), Key::Ctrl('s')], action: Action::Done, hint: "done", help: "Finish the note (it is saved as you type)" },
    Binding { modes: &[M::Editor], keys: &[Key::Code(C::Enter)], action: Action::Newline, hint: "new line", help: "Start a new line" },
    Binding { modes: &[M::Prompt], keys: &[Key::Code(C::Enter)], action: Action::Enter, hint: "ok", help: "Accept" },
    Binding { modes: &[M::Prompt, M::NewForm], keys: &[Key::Code(C::Esc)], action: Action::Back, hint: "cancel", help: "Cancel" },
    Binding { modes: TEXT, keys: &[Key::Code(C::Backspace)], action: Action::Backspace, hint: "", help: "Delete the character before the cursor" },
    Binding { modes: TEXT, keys: &[Key::Code(C::Delete), Key::Ctrl('d')], action: Action::DeleteChar, hint: "", help: "Delete the character under the cursor" },
    Binding { modes: &[M::Editor, M::Prompt], keys: &[Key::Code(C::Left)], action: Action::Left, hint: "", help: "Cursor left" },
    Binding { modes: &[M::Editor, M::Prompt], keys: &[Key::Code(C::Right)], action: Action::Right, hint: "", help: "Cursor right" },
    Binding { modes: &[M::Editor, M::NewForm], keys: &[Key::Code(C::Up)], action: Action::Up, hint: "", help: "Cursor up (previous field)" },
    Binding { modes: &[M::Editor, M::NewForm], keys: &[Key::Code(C::Down)], action: Action::Down, hint: "", help: "Cursor down (next field)" },
    Binding { modes: TEXT, keys: &[Key::Code(C::Home), Key::Ctrl('a')], action: Action::First, hint: "", help: "Start of the line" },
    Binding { modes: TEXT, keys: &[Key::Code(C::End), Key::Ctrl('e')], action: Action::Last, hint: "", help: "End of the line" },
    // Lists and moving around.
    Binding { modes: LISTS, keys: &[Key::Code(C::Up), Key::Ch('k')], action: Action::Up, hint: "", help: "Up" },
    Binding { modes: LISTS, keys: &[Key::Code(C::Down), Key::Ch('j')], action: Action::Down, hint: "", help: "Down" },
    Binding { modes: &[M::Question], keys: &[Key::Code(C::Enter), Key::Ch(' ')], action: Action::Enter, hint: "", help: "Score the highlighted level" },
    Binding { modes: LISTS, keys: &[Key::Code(C::PageUp), Key::Ctrl('b')], action: Action::PageUp, hint: "", help: "A page up" },
    Binding { modes: LISTS, keys: &[Key::Code(C::PageDown), Key::Ctrl('f')], action: Action::PageDown, hint: "", help: "A page down" },
    Binding { modes: LISTS, keys: &[Key::Code(C::Home), Key::Ch('<')], action: Action::First, hint: "", help: "First row" },
    Binding { modes: LISTS, keys: &[Key::Code(C::End), Key::Ch('G'), Key::Ch('>')], action: Action::Last, hint: "", help: "Last row" },
    Binding { modes: SCREENS, keys: &[Key::Code(C::Tab)], action: Action::NextScreen, hint: "screens", help: "Next screen: question, overview, statement of applicability, results, roadmap, targets, export" },
    Binding { modes: SCREENS, keys: &[Key::Code(C::BackTab)], action: Action::PrevScreen, hint: "", help: "Previous screen" },
    Binding { modes: &[M::Help], keys: &[Key::Code(C::Esc), Key::Ch('?'), Key::Ch('q')], action: Action::Help, hint: "close", help: "Close this list" },
    Binding { modes: &[M::Notice], keys: &[Key::Code(C::Enter), Key::Code(C::Esc)], action: Action::Back, hint: "close", help: "Close this message" },
    Binding { modes: SCREENS, keys: &[Key::Code(C::Esc)], action: Action::Back, hint: "back", help: "Back (question → home; other screens → question)" },
    Binding { modes: COMMANDS, keys: &[Key::Ch('?')], action: Action::Help, hint: "help", help: "Every key of this screen" },
    Binding { modes: COMMANDS, keys: &[Key::Ch('q')], action: Action::Quit, hint: "quit", help: "Quit (everything is already saved)" },
    Binding { modes: ALL, keys: &[Key::Ctrl('c')], action: Action::Quit, hint: "", help: "Quit (everything is already saved)" },
];

/// The message a key stands for in `mode`, if any. Printable keys in text modes
/// become input; everything else comes from [`KEYMAP`].
pub fn resolve(key: &KeyEvent, mode: Mode) -> Option<Msg> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    let binding = KEYMAP
        .iter()
        .find(|b| b.modes.contains(&mode) && b.keys.iter().any(|k| k.matches(key)));
    if let Some(b) = binding {
        return Some(match (b.action, key.code) {
            (Action::Digit, KeyCode::Char(c)) => Msg::Digit(
                c.to_digit(10)
                    .and_then(|d| u8::try_from(d).ok())
                    .unwrap_or(0),
            ),
            (action, _) => Msg::Act(action),
        });
    }
    if mode == Mode::Confirm {
        // A yes/no question is answered yes only by `y`: any other key is a no, so
        // typing meant for another screen can never confirm a deletion.
        return Some(Msg::Act(Action::No));
    }
    if mode.is_text()
        && let KeyCode::Char(c) = key.code
        && !key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
    {
        return Some(Msg::Input(c));
    }
    None
}

/// The bindings of `mode`, in table order.
pub fn bindings(mode: Mode) -> impl Iterator<Item = &'static Binding> {
    KEYMAP.iter().filter(move |b| b.modes.contains(&mode))
}

/// The footer hints of `mode`: (key, hint) pairs. The footer is short on room, so
/// it names the first key of each binding (`1-5` for a run of digits); the help
/// screen lists them all.
pub fn footer(mode: Mode) -> Vec<Hint> {
    bindings(mode)
        .filter(|b| !b.hint.is_empty())
        .map(|b| Hint {
            keys: if b.keys == DIGITS {
                b.keys_label()
            } else {
                b.keys.first().map(|k| k.label()).unwrap_or_default()
            },
            hint: b.hint,
            action: b.action,
        })
        .collect()
}

/// One footer hint: the key to press, the word for it, and what it does (so the view
/// can find a hint by its action, never by its words).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hint {
    /// The key, as shown ("q", "1-5").
    pub keys: String,
    /// The word beside it ("quit").
    pub hint: &'static str,
    /// The action it stands for.
    pub action: Action,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn arrows_and_vim_keys_agree() {
        for (a, b) in [
            (KeyCode::Down, KeyCode::Char('j')),
            (KeyCode::Up, KeyCode::Char('k')),
            (KeyCode::Left, KeyCode::Char('h')),
            (KeyCode::Right, KeyCode::Char('l')),
        ] {
            assert_eq!(
                resolve(&key(a), Mode::Question),
                resolve(&key(b), Mode::Question)
            );
        }
    }

    #[test]
    fn digits_score_and_text_modes_take_letters() {
        assert_eq!(
            resolve(&key(KeyCode::Char('4')), Mode::Question),
            Some(Msg::Digit(4))
        );
        assert_eq!(resolve(&key(KeyCode::Char('9')), Mode::Question), None);
        assert_eq!(
            resolve(&key(KeyCode::Char('q')), Mode::Editor),
            Some(Msg::Input('q'))
        );
        assert_eq!(
            resolve(&key(KeyCode::Char('q')), Mode::Question),
            Some(Msg::Act(Action::Quit))
        );
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        for mode in ALL {
            assert_eq!(resolve(&ctrl_c, *mode), Some(Msg::Act(Action::Quit)));
        }
        let back_tab = KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(
            resolve(&back_tab, Mode::Results),
            Some(Msg::Act(Action::PrevScreen))
        );
    }

    /// `resolve` takes the first binding that matches: a second binding of the same key
    /// in the same mode would never fire, and its footer and help would lie.
    #[test]
    fn no_key_is_bound_twice_in_one_mode() {
        let mut clashes = Vec::new();
        for mode in ALL {
            let bindings: Vec<&Binding> =
                KEYMAP.iter().filter(|b| b.modes.contains(mode)).collect();
            for (i, a) in bindings.iter().enumerate() {
                for b in &bindings[i + 1..] {
                    for k in a.keys {
                        if b.keys.contains(k) && a.action != b.action {
                            clashes.push(format!(
                                "{mode:?}: {k:?} is {:?} and {:?}",
                                a.action, b.action
                            ));
                        }
                    }
                }
            }
        }
        assert!(clashes.is_empty(), "{}", clashes.join("\n"));
    }

    #[test]
    fn no_text_mode_binds_a_plain_character() {
        for b in KEYMAP {
            if b.modes.iter().any(|m| m.is_text()) {
                assert!(
                    !b.keys.iter().any(|k| matches!(k, Key::Ch(_))),
                    "{:?} would swallow typed text",
                    b.action
                );
            }
        }
    }

    #[test]
    fn footer_comes_from_the_table() {
        let f = footer(Mode::Question);
        assert_eq!((f[0].keys.as_str(), f[0].hint), ("1-5", "score"));
        assert!(
            f.iter()
                .any(|h| h.keys == "?" && h.hint == "help" && h.action == Action::Help)
        );
        assert!(f.iter().any(|h| h.keys == "/" && h.hint == "search"));
    }
}
