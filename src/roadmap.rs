//! The prioritised roadmap: priorities, phases and dates (pure functions;
//! SPEC.md "Roadmap method").

use chrono::{Months, NaiveDate};
use serde::Serialize;

use crate::assessment::{Assessment, PlanStatus};
use crate::questionnaire::{Effort, Questionnaire};
use crate::scoring::{ControlStatus, Scores, Severity};

/// One of the three roadmap phases.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Phase {
    /// Months 0–3.
    QuickWins = 1,
    /// Months 3–6.
    Foundations = 2,
    /// Months 6–12.
    Maturity = 3,
}

impl Phase {
    /// All phases in order.
    pub const ALL: [Phase; 3] = [Phase::QuickWins, Phase::Foundations, Phase::Maturity];

    /// 1, 2 or 3.
    pub fn number(self) -> u8 {
        self as u8
    }

    /// The phase's name.
    pub fn title(self) -> &'static str {
        match self {
            Phase::QuickWins => "Quick wins and blockers",
            Phase::Foundations => "Foundations",
            Phase::Maturity => "Maturity",
        }
    }

    /// Months from the roadmap start to the phase's start and due dates.
    fn months(self) -> (u32, u32) {
        match self {
            Phase::QuickWins => (0, 3),
            Phase::Foundations => (3, 6),
            Phase::Maturity => (6, 12),
        }
    }

    /// The phase's start and due dates for a roadmap starting on `start`.
    ///
    /// Month arithmetic clamps to the month's end: 31 January + 1 month is 28 or 29 February.
    pub fn dates(self, start: NaiveDate) -> (NaiveDate, NaiveDate) {
        let (from, to) = self.months();
        let add = |m| {
            start
                .checked_add_months(Months::new(m))
                .unwrap_or(NaiveDate::MAX)
        };
        (add(from), add(to))
    }

    /// The phase of a gap, from its effort and whether it is a critical gap.
    pub fn of(effort: Effort, critical_gap: bool) -> Phase {
        match (effort, critical_gap) {
            (Effort::Low, _) | (Effort::Medium, true) => Phase::QuickWins,
            (Effort::High, true) | (Effort::Medium, false) => Phase::Foundations,
            (Effort::High, false) => Phase::Maturity,
        }
    }
}

impl Serialize for Phase {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u8(self.number())
    }
}

/// One roadmap item: a question with a gap to its target.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RoadmapItem {
    /// 1 for the highest priority.
    pub rank: usize,
    /// Question id.
    pub question: String,
    /// Domain id.
    pub domain: String,
    /// Current level.
    pub current: u8,
    /// Target level of the domain.
    pub target: u8,
    /// `target − current`.
    pub gap: u8,
    /// Whether it is a critical gap (critical question below the threshold).
    pub critical: bool,
    /// `gap × weight × (2 if critical gap else 1)`.
    pub priority: u32,
    /// The phase it falls in.
    pub phase: Phase,
    /// Phase start.
    pub start: NaiveDate,
    /// Phase due date.
    pub due: NaiveDate,
    /// Actions from the current level to the target, in order.
    pub actions: Vec<String>,
    /// Owner set in the app, if any.
    pub owner: Option<String>,
    /// Status set in the app.
    pub status: PlanStatus,
}

/// The roadmap start: the assessment's `roadmap_start`, else `fallback` (the export's
/// `--start`, else today).
pub fn start_date(assessment: &Assessment, fallback: NaiveDate) -> NaiveDate {
    assessment.meta.roadmap_start.unwrap_or(fallback)
}

/// The questionnaire's actions from `level` to `target`, then, when the question's
/// checks are in use, each check of those levels not met yet: concrete things to make true.
fn actions_with_unmet_checks(
    q: &crate::questionnaire::Question,
    assessment: &Assessment,
    level: u8,
    target: u8,
) -> Vec<String> {
    let mut actions = q.actions_between(level, target);
    let answer = assessment.answer(&q.id);
    if crate::evidence::levels(q, answer).evidenced.is_some() {
        actions.extend(
            crate::evidence::unmet_checks(q, answer, target)
                .into_iter()
                .filter(|(l, _)| *l > level)
                .map(|(_, c)| format!("Make this true: {} ({})", c.text, c.id)),
        );
    }
    actions
}

/// Builds the prioritised roadmap from scores already computed.
pub fn roadmap(
    questionnaire: &Questionnaire,
    assessment: &Assessment,
    scores: &Scores,
    start: NaiveDate,
) -> Vec<RoadmapItem> {
    let mut items: Vec<(usize, RoadmapItem)> = questionnaire
        .questions
        .iter()
        .zip(&scores.questions)
        .enumerate()
        .filter_map(|(order, (q, s))| {
            let (level, gap) = (s.level?, s.gap?);
            if gap == 0 {
                return None;
            }
            let target = level + gap;
            let controls = control_work(scores, &q.id);
            // A control not started is a major finding: its question's item is a blocker.
            let blocker = controls.iter().any(|c| c.finding == Some(Severity::Major));
            let phase = if blocker {
                Phase::QuickWins
            } else {
                Phase::of(q.effort, s.critical_gap)
            };
            let (phase_start, due) = phase.dates(start);
            let plan = assessment.plan.get(&q.id);
            let item = RoadmapItem {
                rank: 0,
                question: q.id.clone(),
                domain: q.domain.clone(),
                current: level,
                target,
                gap,
                critical: s.critical_gap,
                priority: u32::from(gap) * u32::from(q.weight) * if s.critical_gap { 2 } else { 1 },
                phase,
                start: phase_start,
                due,
                actions: controls
                    .iter()
                    .map(|c| crate::locale::control_action(&c.id, &c.title, c.implementation))
                    .chain(actions_with_unmet_checks(q, assessment, level, target))
                    .collect(),
                owner: plan
                    .map(|p| p.owner.trim())
                    .filter(|o| !o.is_empty())
                    .map(str::to_string),
                status: plan.map(|p| p.status).unwrap_or_default(),
            };
            Some((order, item))
        })
        .collect();
    items.sort_by(|(oa, a), (ob, b)| {
        b.priority
            .cmp(&a.priority)
            .then(a.current.cmp(&b.current))
            .then(oa.cmp(ob))
    });
    items
        .into_iter()
        .enumerate()
        .map(|(i, (_, mut item))| {
            item.rank = i + 1;
            item
        })
        .collect()
}

/// The included controls assessed by `question` that are not implemented yet: their
/// work goes into the question's item (README: "Roadmap and the Statement of
/// Applicability").
fn control_work<'a>(scores: &'a Scores, question: &str) -> Vec<&'a ControlStatus> {
    scores.soa.as_ref().map_or_else(Vec::new, |soa| {
        soa.controls
            .iter()
            .filter(|c| {
                c.question.as_deref() == Some(question)
                    && c.applicable == Some(true)
                    && c.implementation != Some(crate::assessment::Implementation::Implemented)
            })
            .collect()
    })
}
