//! Updates of the list screens: home, the new-assessment form, overview, roadmap,
//! targets and export.

use chrono::{DateTime, FixedOffset};

use std::rc::Rc;

use super::{
    App, Confirm, DetailField, DetailsRow, DocField, Effect, ExportOutcome, Filter, Msg, NewForm,
    PromptKind, RoadmapMemo, Screen,
};
use crate::assessment::Assessment;
use crate::assessment::PlanStatus;
use crate::export::Format;
use crate::locale::StatusText;
use crate::questionnaire::{LEVELS, Questionnaire};
use crate::roadmap::{self, RoadmapItem};
use crate::tui::editor::TextArea;
use crate::tui::keys::Action;

/// A row of the overview: a domain heading or a question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OverviewRow {
    /// Domain index.
    Domain(usize),
    /// Question index.
    Question(usize),
}

impl NewForm {
    /// An empty form with the questionnaire's default targets.
    pub fn new(q: &Questionnaire) -> Self {
        NewForm {
            fields: [
                TextArea::single(""),
                TextArea::single(""),
                TextArea::single(""),
            ],
            targets: q.domains.iter().map(|d| q.default_target_of(d)).collect(),
            cursor: 0,
        }
    }

    /// Number of rows (text fields and targets).
    pub fn rows(&self) -> usize {
        self.fields.len() + self.targets.len()
    }
}

/// Moves `cursor` by `action` in a list of `len` rows with pages of `page`.
pub(super) fn step(cursor: usize, len: usize, action: Action, page: usize) -> usize {
    let last = len.saturating_sub(1);
    match action {
        Action::Up => cursor.saturating_sub(1),
        Action::Down => (cursor + 1).min(last),
        Action::PageUp => cursor.saturating_sub(page.max(1)),
        Action::PageDown => (cursor + page.max(1)).min(last),
        Action::First => 0,
        Action::Last => last,
        _ => cursor.min(last),
    }
}

pub(super) fn is_move(a: Action) -> bool {
    matches!(
        a,
        Action::Up
            | Action::Down
            | Action::PageUp
            | Action::PageDown
            | Action::First
            | Action::Last
    )
}

impl App {
    pub(super) fn page(&self) -> usize {
        usize::from(self.frame.page_rows).max(1)
    }

    pub(super) fn open_new_form(&mut self) {
        self.new_form = NewForm::new(&self.default_questionnaire);
        self.screen = Screen::New;
    }

    pub(super) fn home_input(&mut self, msg: Msg) -> Vec<Effect> {
        match msg {
            Msg::Act(a) if is_move(a) => {
                self.home_cursor = step(self.home_cursor, self.home.len(), a, self.page());
                Vec::new()
            }
            Msg::Act(Action::Enter) => match self.home.get(self.home_cursor) {
                Some(e) => vec![Effect::Open(e.path.clone())],
                None => {
                    self.open_new_form();
                    Vec::new()
                }
            },
            Msg::Act(Action::New) => {
                self.open_new_form();
                Vec::new()
            }
            Msg::Act(Action::Delete) => {
                if let Some(e) = self.home.get(self.home_cursor) {
                    self.confirm = Some(Confirm::Delete(e.path.clone()));
                }
                Vec::new()
            }
            Msg::Act(Action::EditDetails) => match self.home.get(self.home_cursor) {
                Some(e) => {
                    self.details_on_open = true;
                    vec![Effect::Open(e.path.clone())]
                }
                None => Vec::new(),
            },
            Msg::Act(Action::NextRound) => match self.home.get(self.home_cursor) {
                Some(e) if e.problem.is_none() => vec![Effect::NextRound(e.path.clone())],
                Some(_) => {
                    self.warn(self.lang.t(StatusText::CannotNextRound));
                    Vec::new()
                }
                None => Vec::new(),
            },
            _ => Vec::new(),
        }
    }

    pub(super) fn new_form_input(&mut self, msg: Msg, now: DateTime<FixedOffset>) -> Vec<Effect> {
        let form = &mut self.new_form;
        let rows = form.rows();
        let on_text = form.cursor < form.fields.len();
        match msg {
            Msg::Input(c) if on_text => {
                form.fields[form.cursor].insert(c);
            }
            Msg::Paste(text) if on_text => {
                form.fields[form.cursor].insert_str(&text);
            }
            Msg::Act(Action::Backspace) if on_text => {
                form.fields[form.cursor].backspace();
            }
            Msg::Act(Action::DeleteChar) if on_text => {
                form.fields[form.cursor].delete();
            }
            Msg::Act(Action::First) if on_text => form.fields[form.cursor].home(usize::MAX),
            Msg::Act(Action::Last) if on_text => form.fields[form.cursor].end(usize::MAX),
            Msg::Act(Action::Left) if on_text => form.fields[form.cursor].left(),
            Msg::Act(Action::Right) if on_text => form.fields[form.cursor].right(),
            Msg::Act(Action::Left) | Msg::Act(Action::Right) => {
                let i = form.cursor - form.fields.len();
                if let Some(t) = form.targets.get_mut(i) {
                    *t = if msg == Msg::Act(Action::Left) {
                        t.saturating_sub(1).max(1)
                    } else {
                        (*t + 1).min(LEVELS)
                    };
                }
            }
            Msg::Act(Action::Up) => form.cursor = form.cursor.saturating_sub(1),
            Msg::Act(Action::Down) => form.cursor = (form.cursor + 1).min(rows.saturating_sub(1)),
            Msg::Act(Action::Enter) => {
                if form.cursor + 1 < form.fields.len() {
                    form.cursor += 1;
                } else {
                    return vec![Effect::Create(Box::new((
                        self.draft(now),
                        self.default_questionnaire.clone(),
                    )))];
                }
            }
            Msg::Act(Action::Back) => {
                self.screen = Screen::Home;
                return vec![Effect::LoadHome];
            }
            _ => {}
        }
        Vec::new()
    }

    /// The assessment the form describes.
    pub fn draft(&self, now: DateTime<FixedOffset>) -> Assessment {
        let q = &self.default_questionnaire;
        let form = &self.new_form;
        let mut a = Assessment::new(q, now);
        a.meta.language = Some(self.lang);
        a.meta.organisation = form.fields[0].text().trim().to_string();
        a.meta.scope = form.fields[1].text().trim().to_string();
        a.meta.assessors = form.fields[2]
            .text()
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect();
        for (d, t) in q.domains.iter().zip(&form.targets) {
            a.targets.insert(d.id.clone(), *t);
        }
        a
    }

    /// The effect that writes `formats` of the open assessment as it is now: it carries
    /// everything the runner needs, so the runner never reads the app's state.
    pub(super) fn export_effect(&mut self, formats: Vec<Format>, force: bool) -> Vec<Effect> {
        let today = self.today();
        let Some(session) = &mut self.session else {
            return Vec::new();
        };
        // The first export fixes the roadmap's first day, so the dates it prints do not
        // move on the next export (the Roadmap screen's t changes it).
        let mut effects = Vec::new();
        if session.assessment.meta.roadmap_start.is_none() {
            session.assessment.meta.roadmap_start = Some(today);
            session.assessment.meta.updated = self.now;
            session.rescore();
            effects.push(Effect::Save);
        }
        effects.push(Effect::Export {
            session: Box::new(session.clone()),
            now: self.now,
            formats,
            folder: self.export.folder.clone(),
            force,
        });
        effects
    }

    /// The overview rows under the current filter (kept between updates while the
    /// answers and the filter stay the same).
    pub fn overview_rows(&self) -> Rc<Vec<OverviewRow>> {
        let Some(s) = &self.session else {
            return Rc::default();
        };
        match &self.overview_memo {
            Some((changes, filter, rows)) if *changes == s.changes && *filter == self.filter => {
                Rc::clone(rows)
            }
            _ => Rc::new(self.compute_overview_rows()),
        }
    }

    fn compute_overview_rows(&self) -> Vec<OverviewRow> {
        let Some(s) = &self.session else {
            return Vec::new();
        };
        let q = &s.questionnaire;
        let keep = |i: usize| -> bool {
            let question = &q.questions[i];
            let answer = s.assessment.answer(&question.id);
            match self.filter {
                Filter::All => true,
                Filter::Unanswered => !answer.is_some_and(crate::assessment::Answer::is_answered),
                Filter::Flagged => answer.is_some_and(|a| a.flagged),
                Filter::CriticalGaps => s.scores.questions.get(i).is_some_and(|x| x.critical_gap),
            }
        };
        let mut rows = Vec::with_capacity(q.questions.len() + q.domains.len());
        for (di, indices) in s.by_domain.iter().enumerate() {
            let mut first = true;
            for &i in indices {
                if !keep(i) {
                    continue;
                }
                if first {
                    rows.push(OverviewRow::Domain(di));
                    first = false;
                }
                rows.push(OverviewRow::Question(i));
            }
        }
        rows
    }

    /// Keeps the overview rows and the roadmap of the screen shown, so a frame or a
    /// key reads them instead of computing them (called at the end of each update).
    pub(super) fn refresh_memos(&mut self) {
        let Some(s) = &self.session else {
            self.overview_memo = None;
            self.roadmap_memo = None;
            return;
        };
        let changes = s.changes;
        let today = self.today();
        if self.screen == Screen::Overview
            && !matches!(&self.overview_memo, Some((c, f, _)) if *c == changes && *f == self.filter)
        {
            self.overview_memo = Some((changes, self.filter, self.overview_rows()));
        }
        if self.screen == Screen::Roadmap
            && !matches!(&self.roadmap_memo, Some(m) if m.changes == changes && m.today == today)
        {
            self.roadmap_memo = Some(RoadmapMemo {
                changes,
                today,
                items: self.roadmap_items(),
            });
        }
    }

    /// The overview row of question `index` (or the first question row).
    pub(super) fn overview_row_of(&self, index: usize) -> usize {
        let rows = self.overview_rows();
        rows.iter()
            .position(|r| *r == OverviewRow::Question(index))
            .or_else(|| {
                rows.iter()
                    .position(|r| matches!(r, OverviewRow::Question(_)))
            })
            .unwrap_or(0)
    }

    pub(super) fn overview_input(&mut self, msg: Msg) -> Vec<Effect> {
        let rows = self.overview_rows();
        match msg {
            Msg::Act(Action::Register) => self.open_register(None),
            Msg::Act(a) if is_move(a) => {
                let mut c = step(self.overview_cursor, rows.len(), a, self.page());
                // Headings are not selectable: keep moving the same way.
                let down = matches!(a, Action::Down | Action::PageDown | Action::First);
                while let Some(OverviewRow::Domain(_)) = rows.get(c) {
                    let next = if down { c + 1 } else { c.wrapping_sub(1) };
                    if next >= rows.len() {
                        c = self.overview_cursor.min(rows.len().saturating_sub(1));
                        break;
                    }
                    c = next;
                }
                self.overview_cursor = c;
                Vec::new()
            }
            Msg::Act(Action::Filter) => {
                self.filter = self.filter.next();
                let rows = self.overview_rows();
                self.overview_cursor = rows
                    .iter()
                    .position(|r| matches!(r, OverviewRow::Question(_)))
                    .unwrap_or(0);
                self.say(self.lang.f(
                    StatusText::Showing,
                    &[("filter", &self.filter.label_in(self.lang))],
                ));
                Vec::new()
            }
            Msg::Act(Action::Enter) => match rows.get(self.overview_cursor) {
                Some(OverviewRow::Question(i)) => self.jump(*i),
                _ => Vec::new(),
            },
            Msg::Act(Action::JumpTo) => self.open_prompt(PromptKind::JumpTo, ""),
            Msg::Act(Action::Search) => self.open_prompt(PromptKind::Search, ""),
            Msg::Act(Action::Back) => self.go_to_screen(Screen::Question),
            _ => Vec::new(),
        }
    }

    /// The roadmap, in display order: by phase, then rank. Kept once per change of
    /// the answers (or of the day), not computed per key or frame.
    pub fn roadmap_items(&self) -> Rc<Vec<RoadmapItem>> {
        let Some(s) = &self.session else {
            return Rc::default();
        };
        let today = self.today();
        if let Some(m) = &self.roadmap_memo
            && m.changes == s.changes
            && m.today == today
        {
            return Rc::clone(&m.items);
        }
        let start = roadmap::start_date(&s.assessment, today);
        let mut items = roadmap::roadmap(&s.questionnaire, &s.assessment, &s.scores, start);
        items.sort_by_key(|i| (i.phase, i.rank));
        Rc::new(items)
    }

    pub(super) fn roadmap_input(&mut self, msg: Msg, now: DateTime<FixedOffset>) -> Vec<Effect> {
        let items = self.roadmap_items();
        let selected = items.get(self.roadmap_cursor).map(|i| i.question.clone());
        match msg {
            Msg::Act(a) if is_move(a) => {
                self.roadmap_cursor = step(self.roadmap_cursor, items.len(), a, self.page());
                Vec::new()
            }
            Msg::Act(Action::SetOwner) => match selected {
                Some(id) => {
                    let owner = self
                        .session
                        .as_ref()
                        .and_then(|s| s.assessment.plan.get(&id))
                        .map(|p| p.owner.clone())
                        .unwrap_or_default();
                    self.open_prompt(PromptKind::Owner(id), &owner)
                }
                None => Vec::new(),
            },
            Msg::Act(Action::CycleStatus) => {
                let Some(id) = selected else {
                    return Vec::new();
                };
                let mut done = false;
                if let Some(s) = &mut self.session {
                    let entry = s.assessment.plan.entry(id.clone()).or_default();
                    entry.status = entry.status.next();
                    done = entry.status == PlanStatus::Done;
                }
                let effects = self.changed(now);
                if done {
                    // The gap stays until the question is answered again: offer that.
                    self.say(self.lang.f(
                        StatusText::MarkedDone,
                        &[("id", &crate::text::one_line(&id))],
                    ));
                }
                effects
            }
            Msg::Act(Action::SetRoadmapStart) => {
                let current = self
                    .session
                    .as_ref()
                    .and_then(|s| s.assessment.meta.roadmap_start)
                    .map(|d| d.to_string())
                    .unwrap_or_default();
                self.open_prompt(PromptKind::RoadmapStart, &current)
            }
            Msg::Act(Action::Enter) => {
                let index = selected
                    .and_then(|id| self.questionnaire().and_then(|q| q.question_index(&id)));
                match index {
                    Some(i) => self.jump(i),
                    None => Vec::new(),
                }
            }
            Msg::Act(Action::Back) => self.go_to_screen(Screen::Question),
            _ => Vec::new(),
        }
    }

    pub(super) fn targets_input(&mut self, msg: Msg, now: DateTime<FixedOffset>) -> Vec<Effect> {
        let Some(n) = self.questionnaire().map(|q| q.domains.len()) else {
            return Vec::new();
        };
        let set = |app: &mut App, f: &dyn Fn(u8) -> u8| -> Vec<Effect> {
            let Some(s) = &mut app.session else {
                return Vec::new();
            };
            let Some(d) = s.questionnaire.domains.get(app.targets_cursor) else {
                return Vec::new();
            };
            let id = d.id.clone();
            let current = s.assessment.target(&s.questionnaire, &id);
            let new = f(current).clamp(1, LEVELS);
            if new == current {
                return Vec::new();
            }
            s.assessment.targets.insert(id, new);
            app.changed(now)
        };
        match msg {
            Msg::Act(a) if is_move(a) => {
                self.targets_cursor = step(self.targets_cursor, n, a, self.page());
                Vec::new()
            }
            Msg::Digit(d) => set(self, &|_| d),
            Msg::Act(Action::Left) => set(self, &|t| t.saturating_sub(1)),
            Msg::Act(Action::Right) => set(self, &|t| t + 1),
            Msg::Act(Action::EditDomainNote) => {
                let Some(id) = self
                    .questionnaire()
                    .and_then(|q| q.domains.get(self.targets_cursor))
                    .map(|d| d.id.clone())
                else {
                    return Vec::new();
                };
                self.open_report_prompt(PromptKind::DomainNote(id))
            }
            Msg::Act(Action::Back) => self.go_to_screen(Screen::Question),
            _ => Vec::new(),
        }
    }

    pub(super) fn export_input(&mut self, msg: Msg) -> Vec<Effect> {
        let n = self.export.formats.len();
        match msg {
            Msg::Act(a) if is_move(a) => {
                self.export.cursor = step(self.export.cursor, n, a, self.page());
                Vec::new()
            }
            Msg::Act(Action::ToggleFormat) => {
                if let Some(f) = self.export.formats.get_mut(self.export.cursor) {
                    f.1 = !f.1;
                }
                Vec::new()
            }
            Msg::Act(Action::EditFolder) => {
                let folder = self.export.folder.display().to_string();
                self.open_prompt(PromptKind::Folder, &folder)
            }
            // One place edits these fields: the details screen, at the right row.
            Msg::Act(Action::EditConclusion) => {
                self.open_details(DetailsRow::Conclusion, Some(Screen::Export))
            }
            Msg::Act(Action::EditDetails) => self.open_details(
                DetailsRow::Details(DetailField::Organisation),
                Some(Screen::Export),
            ),
            Msg::Act(Action::EditDocument) => self.open_details(
                DetailsRow::Document(DocField::Version),
                Some(Screen::Export),
            ),
            Msg::Act(Action::RunExport) => {
                let formats: Vec<Format> = self
                    .export
                    .formats
                    .iter()
                    .filter(|(_, on)| *on)
                    .map(|(f, _)| *f)
                    .collect();
                if formats.is_empty() {
                    self.warn(self.lang.t(StatusText::ChooseFormat));
                    return Vec::new();
                }
                self.say(self.lang.t(StatusText::Writing));
                self.export_effect(formats, false)
            }
            Msg::Act(Action::Back) => self.go_to_screen(Screen::Question),
            _ => Vec::new(),
        }
    }

    pub(super) fn exported(&mut self, outcomes: Vec<(Format, ExportOutcome)>) -> Vec<Effect> {
        let existing: Vec<Format> = outcomes
            .iter()
            .filter(|(_, o)| matches!(o, ExportOutcome::Exists(_)))
            .map(|(f, _)| *f)
            .collect();
        // Keep earlier outcomes of formats not in this run (e.g. after "replace").
        let mut merged: Vec<(Format, ExportOutcome)> = self
            .export
            .outcomes
            .iter()
            .filter(|(f, _)| !outcomes.iter().any(|(g, _)| g == f))
            .cloned()
            .collect();
        merged.extend(outcomes);
        merged.sort_by_key(|(f, _)| *f);
        let written = merged
            .iter()
            .filter(|(_, o)| matches!(o, ExportOutcome::Written(_)))
            .count();
        let failed = merged
            .iter()
            .filter(|(_, o)| matches!(o, ExportOutcome::Failed(_)))
            .count();
        self.export.outcomes = merged;
        if !existing.is_empty() {
            self.status = None;
            self.confirm = Some(Confirm::ReplaceExports(existing));
        } else if failed > 0 {
            self.warn(self.lang.f(
                StatusText::WrittenSome,
                &[("written", &written), ("failed", &failed)],
            ));
        } else {
            self.say(self.lang.f(StatusText::Written, &[("written", &written)]));
        }
        Vec::new()
    }
}
