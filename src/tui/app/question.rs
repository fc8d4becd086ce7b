//! Updates of the question screen, the note/evidence editor and the prompts.

use chrono::{DateTime, FixedOffset};

use super::{App, Editor, EditorKind, Effect, Msg, Prompt, PromptKind, Screen};
use crate::assessment::{Consensus, derived_na};
use crate::locale::StatusText;
use crate::questionnaire::LEVELS;
use crate::tui::editor::TextArea;
use crate::tui::keys::Action;

impl App {
    pub(super) fn question_input(&mut self, msg: Msg, now: DateTime<FixedOffset>) -> Vec<Effect> {
        let answering = matches!(
            msg,
            Msg::Digit(_) | Msg::Act(Action::Enter | Action::ClearAnswer)
        );
        let setting = answering || msg == Msg::Act(Action::NotApplicable);
        if setting && self.workshop_active() {
            // Facilitators come here to read the level descriptors aloud: a digit must
            // not set a level nobody voted for (see the README's workshop section).
            self.warn(self.lang.t(StatusText::WorkshopLevelFromVotes));
            return Vec::new();
        }
        if answering && self.excluded_by_controls() {
            self.warn(self.lang.t(StatusText::ExcludedByControls));
            return Vec::new();
        }
        match msg {
            Msg::Digit(d) if (1..=LEVELS).contains(&d) => {
                self.level_cursor = d;
                self.score(d, now)
            }
            Msg::Act(Action::Enter) => {
                // Enter pressed to "move on" must not score an unanswered question at
                // the level that happens to be highlighted: it scores only a level the
                // user picked with ↑/↓ (or confirms the level already given).
                let answered = self
                    .current_question()
                    .zip(self.session.as_ref())
                    .and_then(|(q, s)| s.assessment.answer(&q.id))
                    .is_some_and(crate::assessment::Answer::is_answered);
                if !answered && !self.level_picked {
                    self.say(self.lang.t(StatusText::PressToScore));
                    return Vec::new();
                }
                self.score(self.level_cursor, now)
            }
            Msg::Act(Action::Up) => {
                self.level_cursor = self.level_cursor.saturating_sub(1).max(1);
                self.level_picked = true;
                Vec::new()
            }
            Msg::Act(Action::Down) => {
                self.level_cursor = (self.level_cursor + 1).min(LEVELS);
                self.level_picked = true;
                Vec::new()
            }
            Msg::Act(Action::NotApplicable) => self.not_applicable(now),
            Msg::Act(Action::ClearAnswer) => {
                let Some(s) = &mut self.session else {
                    return Vec::new();
                };
                let Some(q) = s.questionnaire.questions.get(self.question) else {
                    return Vec::new();
                };
                if s.assessment.set_result(q, None, now).is_err() {
                    return Vec::new();
                }
                self.say(self.lang.t(StatusText::LevelCleared));
                self.changed(now)
            }
            Msg::Act(Action::ConfirmAnswer) => self.confirm_answer(now),
            Msg::Act(Action::ToggleGuidance) => {
                self.show_guidance = !self.show_guidance;
                // Kept in the file, so the next sitting opens the panel the same way.
                self.remember()
            }
            Msg::Act(Action::EditNote) => {
                self.open_editor(EditorKind::Note);
                Vec::new()
            }
            Msg::Act(Action::EditEvidence) => {
                self.open_editor(EditorKind::Evidence);
                Vec::new()
            }
            Msg::Act(Action::ToggleFlag) => self.toggle_park(),
            Msg::Act(Action::Checklist) => self.open_checklist(),
            Msg::Act(Action::Voting) => self.go_to_screen(Screen::Voting),
            Msg::Act(Action::Soa) => self.open_soa_at_question(),
            Msg::Act(Action::Presenter) => {
                self.presenter = true;
                Vec::new()
            }
            Msg::Act(Action::PrevQuestion) => self.move_to(self.question.checked_sub(1)),
            Msg::Act(Action::NextQuestion) => self.move_to(Some(self.question + 1)),
            Msg::Act(Action::NextUnanswered) => {
                let next = self.next_unanswered();
                if next.is_none() {
                    self.say(self.lang.t(StatusText::AllAnswered));
                }
                self.move_to(next)
            }
            Msg::Act(Action::JumpTo) => self.open_prompt(PromptKind::JumpTo, ""),
            Msg::Act(Action::Search) => self.open_prompt(PromptKind::Search, ""),
            Msg::Act(Action::Back) => {
                if !self.may_leave_question() {
                    return Vec::new();
                }
                // Drilled down from a list: back to that list, at the same row.
                match self.came_from.take() {
                    Some(list) => self.go_to_screen(list),
                    None => vec![Effect::Close],
                }
            }
            _ => Vec::new(),
        }
    }

    /// Whether the question shown is N/A because all its controls are excluded (its
    /// level then follows the statement, not a key).
    fn excluded_by_controls(&self) -> bool {
        let Some(s) = &self.session else { return false };
        s.questionnaire
            .questions
            .get(self.question)
            .and_then(|q| derived_na(&s.questionnaire, &s.assessment.soa, &q.id))
            .unwrap_or(false)
    }

    /// The id of the question shown.
    pub fn current_id(&self) -> Option<String> {
        let s = self.session.as_ref()?;
        s.questionnaire
            .questions
            .get(self.question)
            .map(|q| q.id.clone())
    }

    /// Scores the current question.
    pub(super) fn score(&mut self, level: u8, now: DateTime<FixedOffset>) -> Vec<Effect> {
        let Some(s) = &mut self.session else {
            return Vec::new();
        };
        let Some(q) = s.questionnaire.questions.get(self.question) else {
            return Vec::new();
        };
        if let Err(e) = s
            .assessment
            .set_result(q, Some(Consensus::Level(level)), now)
        {
            self.warn(e.in_lang(self.lang));
            return Vec::new();
        }
        self.status = None;
        self.changed(now)
    }

    /// Confirms an answer carried over from an earlier questionnaire version.
    fn confirm_answer(&mut self, now: DateTime<FixedOffset>) -> Vec<Effect> {
        let Some(id) = self.current_id() else {
            return Vec::new();
        };
        let Some(a) = self
            .session
            .as_mut()
            .and_then(|s| s.assessment.answers.get_mut(&id))
            .filter(|a| a.recheck)
        else {
            self.say(self.lang.t(StatusText::NothingToConfirm));
            return Vec::new();
        };
        a.recheck = false;
        a.updated = Some(now);
        self.say(self.lang.t(StatusText::AnswerConfirmed));
        self.changed(now)
    }

    fn not_applicable(&mut self, now: DateTime<FixedOffset>) -> Vec<Effect> {
        let Some(s) = &mut self.session else {
            return Vec::new();
        };
        let Some(q) = s.questionnaire.questions.get(self.question) else {
            return Vec::new();
        };
        if s.questionnaire.controls_of(&q.id).next().is_some() {
            // N/A here means "all its controls excluded": decided control by control.
            let effects = self.open_soa_at_question();
            self.say(self.lang.t(StatusText::NaMeansExcluding));
            return effects;
        }
        let Ok(na) = s.assessment.toggle_not_applicable(q, now) else {
            self.warn(self.lang.t(StatusText::CannotBeNa));
            return Vec::new();
        };
        let note_empty = s.assessment.needs_justification(&q.id);
        let effects = self.changed(now);
        if na && note_empty {
            self.warn(self.lang.t(StatusText::NaWriteWhy));
            self.open_editor(EditorKind::Note);
        } else if na {
            self.say(self.lang.t(StatusText::MarkedNa));
        } else {
            self.say(self.lang.t(StatusText::NaRemoved));
        }
        effects
    }

    /// Moves to question `target` (None: stay), guarded by the N/A justification.
    pub(super) fn move_to(&mut self, target: Option<usize>) -> Vec<Effect> {
        let Some(n) = self.questionnaire().map(|q| q.questions.len()) else {
            return Vec::new();
        };
        let Some(target) = target.filter(|t| *t < n) else {
            return Vec::new();
        };
        if target == self.question || !self.may_leave_question() {
            return Vec::new();
        }
        self.set_question(target);
        if self.screen != Screen::Voting {
            self.screen = Screen::Question;
        }
        self.remember()
    }

    /// The next question without a level or N/A, after the current one (wrapping).
    pub fn next_unanswered(&self) -> Option<usize> {
        let s = self.session.as_ref()?;
        let qs = &s.questionnaire.questions;
        let n = qs.len();
        (1..=n).map(|k| (self.question + k) % n).find(|&i| {
            !s.assessment
                .answer(&qs[i].id)
                .is_some_and(crate::assessment::Answer::is_answered)
        })
    }

    /// Opens the editor on the current answer's note or evidence.
    pub(super) fn open_editor(&mut self, kind: EditorKind) {
        let Some(id) = self.current_id() else { return };
        let Some(s) = &self.session else { return };
        let answer = s.assessment.answer(&id);
        let mut text = match kind {
            EditorKind::Note => answer.map(|a| a.note.clone()).unwrap_or_default(),
            EditorKind::Evidence => answer.map(|a| a.evidence.join("\n")).unwrap_or_default(),
        };
        // Reopened, the cursor waits on a line of its own after what is there, so what
        // the user types is added below rather than run on; the new line is only kept
        // if they type (nothing is saved until the text changes).
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        self.editor = Some(Editor {
            kind,
            area: TextArea::multi(&text),
        });
    }

    pub(super) fn editor_input(&mut self, msg: Msg, now: DateTime<FixedOffset>) -> Vec<Effect> {
        let width = usize::from(self.frame.editor_width);
        let Some(editor) = &mut self.editor else {
            return Vec::new();
        };
        let area = &mut editor.area;
        let changed = match msg {
            Msg::Input(c) => area.insert(c),
            Msg::Act(Action::Newline) => area.insert('\n'),
            Msg::Paste(text) => {
                let whole = area.insert_str(&text);
                if !whole {
                    self.warn(self.lang.t(StatusText::PasteCut));
                }
                true
            }
            Msg::Act(Action::Backspace) => area.backspace(),
            Msg::Act(Action::DeleteChar) => area.delete(),
            Msg::Act(Action::Left) => {
                area.left();
                false
            }
            Msg::Act(Action::Right) => {
                area.right();
                false
            }
            Msg::Act(Action::Up) => {
                area.up(width);
                false
            }
            Msg::Act(Action::Down) => {
                area.down(width);
                false
            }
            Msg::Act(Action::First) => {
                area.home(width);
                false
            }
            Msg::Act(Action::Last) => {
                area.end(width);
                false
            }
            Msg::Act(Action::Done) => {
                self.editor = None;
                let needs_note = self.current_answer_needs_note();
                if needs_note {
                    self.warn(self.lang.t(StatusText::NaNeedsNoteBeforeMoving));
                } else {
                    self.say(self.lang.t(StatusText::Saved));
                }
                return vec![Effect::Save];
            }
            _ => false,
        };
        if !changed {
            return Vec::new();
        }
        self.apply_editor(now)
    }

    fn current_answer_needs_note(&self) -> bool {
        let (Some(s), Some(id)) = (&self.session, self.current_id()) else {
            return false;
        };
        s.assessment.needs_justification(&id)
    }

    /// Copies the editor's text into the answer; a short debounce saves it.
    fn apply_editor(&mut self, now: DateTime<FixedOffset>) -> Vec<Effect> {
        let Some(id) = self.current_id() else {
            return Vec::new();
        };
        let (Some(editor), Some(s)) = (&self.editor, &mut self.session) else {
            return Vec::new();
        };
        let text = editor.area.text();
        match editor.kind {
            EditorKind::Note => s.assessment.set_note(&id, text, now),
            EditorKind::Evidence => s.assessment.set_evidence(&id, text, now),
        }
        vec![Effect::SaveSoon]
    }

    pub(super) fn open_prompt(&mut self, kind: PromptKind, text: &str) -> Vec<Effect> {
        self.prompt = Some(Prompt {
            kind,
            input: TextArea::single(text),
            replace: false,
        });
        Vec::new()
    }

    /// A prompt holding a value that typing replaces (shown selected), such as the
    /// timebox: typing `2:30` over `180` gives `2:30`, not `1802:30`.
    pub(super) fn open_prompt_selected(&mut self, kind: PromptKind, text: &str) -> Vec<Effect> {
        self.prompt = Some(Prompt {
            kind,
            input: TextArea::single(text),
            replace: !text.is_empty(),
        });
        Vec::new()
    }

    pub(super) fn prompt_input(&mut self, msg: Msg, now: DateTime<FixedOffset>) -> Vec<Effect> {
        let Some(prompt) = &mut self.prompt else {
            return Vec::new();
        };
        if std::mem::take(&mut prompt.replace)
            && matches!(
                msg,
                Msg::Input(_) | Msg::Paste(_) | Msg::Act(Action::Backspace | Action::DeleteChar)
            )
        {
            prompt.input = TextArea::single("");
            if matches!(msg, Msg::Act(Action::Backspace | Action::DeleteChar)) {
                return Vec::new();
            }
        }
        let input = &mut prompt.input;
        match msg {
            Msg::Input(c) => {
                input.insert(c);
            }
            Msg::Paste(text) => {
                input.insert_str(&text);
            }
            Msg::Act(Action::Backspace) => {
                input.backspace();
            }
            Msg::Act(Action::DeleteChar) => {
                input.delete();
            }
            Msg::Act(Action::Left) => input.left(),
            Msg::Act(Action::Right) => input.right(),
            Msg::Act(Action::First) => input.home(usize::MAX),
            Msg::Act(Action::Last) => input.end(usize::MAX),
            Msg::Act(Action::Back) => {
                self.prompt = None;
            }
            Msg::Act(Action::Enter) => {
                let Some(prompt) = self.prompt.take() else {
                    return Vec::new();
                };
                return self.prompt_done(prompt.kind, prompt.input.text().trim(), now);
            }
            _ => {}
        }
        Vec::new()
    }

    fn prompt_done(
        &mut self,
        kind: PromptKind,
        text: &str,
        now: DateTime<FixedOffset>,
    ) -> Vec<Effect> {
        match kind {
            PromptKind::JumpTo => {
                let n = self.questionnaire().map_or(0, |q| q.questions.len());
                match text.parse::<usize>() {
                    Ok(k) if (1..=n).contains(&k) => self.jump(k - 1),
                    _ => {
                        self.warn(self.lang.f(StatusText::JumpRange, &[("n", &n)]));
                        Vec::new()
                    }
                }
            }
            PromptKind::Search => {
                let found = self.search(text);
                match found {
                    Some(i) => {
                        let effects = self.jump(i);
                        if self.question == i {
                            let id = self.current_id().unwrap_or_default();
                            self.say(self.lang.f(
                                StatusText::Found,
                                &[
                                    ("text", &crate::text::one_line(text.trim())),
                                    ("id", &crate::text::one_line(&id)),
                                ],
                            ));
                        }
                        effects
                    }
                    None => {
                        self.warn(self.lang.f(
                            StatusText::NotFound,
                            &[("text", &crate::text::one_line(text))],
                        ));
                        Vec::new()
                    }
                }
            }
            PromptKind::EvidencePath { question, check } => {
                if text.is_empty() {
                    return Vec::new();
                }
                self.say(self.lang.t(StatusText::AddingEvidence));
                vec![Effect::AddEvidence {
                    location: text.to_string(),
                    question,
                    check,
                    now,
                }]
            }
            PromptKind::Owner(id) => {
                if let Some(s) = &mut self.session {
                    s.assessment.plan.entry(id).or_default().owner = text.to_string();
                }
                self.say(self.lang.t(StatusText::OwnerSaved));
                self.changed(now)
            }
            PromptKind::Folder => {
                if !text.is_empty() {
                    self.export.folder = text.into();
                }
                Vec::new()
            }
            PromptKind::RoadmapStart => {
                let text = text.trim();
                let start = if text.is_empty() {
                    None
                } else {
                    match chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d") {
                        Ok(d) => Some(d),
                        Err(_) => {
                            self.warn(self.lang.f(
                                StatusText::NotADate,
                                &[("text", &crate::text::one_line(text))],
                            ));
                            return Vec::new();
                        }
                    }
                };
                if let Some(s) = &mut self.session {
                    s.assessment.meta.roadmap_start = start;
                }
                self.say(match start {
                    Some(d) => self.lang.f(StatusText::RoadmapStartsOn, &[("date", &d)]),
                    None => self.lang.t(StatusText::RoadmapStartsToday).to_string(),
                });
                self.changed(now)
            }
            kind @ (PromptKind::Justification(_) | PromptKind::ControlOwner(_)) => {
                self.soa_prompt_done(kind, text, now)
            }
            PromptKind::Conclusion
            | PromptKind::Document(_)
            | PromptKind::DomainNote(_)
            | PromptKind::Details(_) => self.report_prompt_done(kind, text, now),
            other => self.workshop_prompt_done(other, text, now),
        }
    }

    /// Shows question `index` on the question screen (from any screen).
    pub(super) fn jump(&mut self, index: usize) -> Vec<Effect> {
        if self.screen == Screen::Question && index != self.question && !self.may_leave_question() {
            return Vec::new();
        }
        if matches!(
            self.screen,
            Screen::Overview | Screen::Roadmap | Screen::Results | Screen::Evidence
        ) {
            self.came_from = Some(self.screen);
        }
        self.set_question(index);
        // Go-to on the voting screen stays there (the room keeps voting).
        if self.screen != Screen::Voting {
            self.screen = Screen::Question;
        }
        self.remember()
    }

    /// The first question after the current one (wrapping around) where `needle`
    /// appears, case-insensitive: in its id, text, clause and control references
    /// (`A.6`, `9.2`), or in what was written on it (note, evidence, flag reason).
    pub fn search(&self, needle: &str) -> Option<usize> {
        let s = self.session.as_ref()?;
        let needle = needle.trim().to_lowercase();
        if needle.is_empty() {
            return None;
        }
        let has = |text: &str| text.to_lowercase().contains(&needle);
        let qs = &s.questionnaire.questions;
        let n = qs.len();
        (1..=n).map(|k| (self.question + k) % n).find(|&i| {
            let q = &qs[i];
            has(&q.id)
                || has(&q.text)
                || q.title.as_deref().is_some_and(has)
                || has(&q.refs.display())
                || s.assessment.answer(&q.id).is_some_and(|a| {
                    has(&a.note) || has(&a.flag_reason) || a.evidence.iter().any(|e| has(e))
                })
        })
    }
}
