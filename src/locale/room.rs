//! The workshop's words: the voting and presenter screens, the agenda and the facilitator's messages.
//!
//! Entries: `Key => "English", "French";` with a `///` line saying where the text
//! appears; placeholders are named (`{name}`), the same in both languages.
//!
//! French choices: the room reads it, so it is epicene where that costs little
//! (« personne », « départ à 10 h 30 » rather than « parti·e »); times of day are
//! written the Québec way (« 22 h 20 », see [`Lang::time_of_day`]); an override is
//! « modifié » and the parking lot « en suspens », as in the report's minutes
//! ([`super::ReportText`]); N/A is « S. O. » (the README's glossary).

use chrono::{DateTime, Datelike, FixedOffset, Timelike};

use super::Lang;
use super::catalog::catalogue;
use crate::workshop::AgendaReason;
use crate::workshop::timebox::{Pace, TimeboxProblem};

catalogue! {
    RoomText;
    /// Voting screen and presenter view, title: where we are.
    QuestionCounter => "Question {n} of {total}", "Question {n} sur {total}";
    /// Voting screen, location line: the question is critical.
    Critical => "critical", "critique";
    /// Voting screen, location line: the divergence marker.
    DivergentMark => "DIVERGENT", "DIVERGENT";
    /// Voting screen, location line: the question is parked.
    ParkedMark => "⚑ parked", "⚑ en suspens";
    /// Voting screen, location line: the question is parked, with why.
    ParkedMarkReason => "⚑ parked: {reason}", "⚑ en suspens\u{a0}: {reason}";
    /// A vote or a result: not applicable (short).
    NotApplicable => "N/A", "S.\u{a0}O.";
    /// Voting screen, timer line during a break.
    BreakBanner => "BREAK since {time}: the clocks are paused (b ends it)",
        "PAUSE depuis {time}\u{a0}: les minuteurs sont arrêtés (b pour reprendre)";
    /// Voting screen, timer line before anyone is in the room.
    TimeboxWaits => "Timebox starts with the first participant (a adds one).",
        "Le minuteur démarre avec la première personne participante (a pour ajouter).";
    /// Voting screen, timer line over time: "+0:42 over the 3:00 timebox".
    OverTimebox => "⏱ {over} over the {timebox} timebox", "⏱ {over} au-delà du temps prévu ({timebox})";
    /// Voting screen, timer line: "2:05 left of 3:00".
    LeftOfTimebox => "⏱ {left} left of {timebox}", "⏱ reste {left} sur {timebox}";
    /// Voting screen and presenter view: the session's elapsed time.
    SessionElapsed => "session {elapsed}", "séance {elapsed}";
    /// The pace: when the last question will be settled, today.
    PaceToday => "at this pace: done by {time}", "à ce rythme\u{a0}: fin vers {time}";
    /// The pace: when the last question will be settled, another day ("Sat 28 Nov 05:00").
    PaceOtherDay => "at this pace: done by {day}", "à ce rythme\u{a0}: fin vers {day}";
    /// Presenter view, bottom line: the pace, today (shorter French: the line is shared
    /// with the previous question's result).
    PaceBriefToday => "at this pace: done by {time}", "fin vers {time}";
    /// Presenter view, bottom line: the pace, another day (shorter French, as above).
    PaceBriefOtherDay => "at this pace: done by {day}", "fin vers {day}";
    /// Voting screen, left pane title.
    ParticipantsVotes => "Participants' votes", "Votes par personne";
    /// Voting screen, left pane before anyone is added.
    NoParticipants => "No participants yet. Press a to add each person in the room; then select a row and type their level (1-5, n for N/A).",
        "Aucune personne participante pour l'instant. Appuyez sur a pour ajouter chaque personne présente, puis sélectionnez une ligne et tapez son niveau (1 à 5, n pour S.\u{a0}O.).";
    /// Voting screen, a participant's row: when they left the room (French abbreviated:
    /// « (départ 22 h 47) » is cut in the 32-column pane at 80 columns).
    LeftAt => "(left {time})", "(dép. {time})";
    /// Voting screen, right pane title.
    Votes => "Votes", "Votes";
    /// Voting screen and presenter view: the numbers under the bars.
    VoteNumbers => "{voted} · median {median} · spread {spread}",
        "{voted} · médiane {median} · écart {spread}";
    /// "4 of 6 voted": one or no one in the room voted.
    VotedOne => "{voted} of {here} voted", "{voted} sur {here} a voté";
    /// "4 of 6 voted": several in the room voted.
    VotedMany => "{voted} of {here} voted", "{voted} sur {here} ont voté";
    /// "4 of 6 voted", with the votes of people who have left since.
    VotedOneWithLeft => "{voted} of {here} voted (+{others} who left)",
        "{voted} sur {here} a voté (+{others} avant départ)";
    /// "4 of 6 voted", several, with the votes of people who have left since.
    VotedManyWithLeft => "{voted} of {here} voted (+{others} who left)",
        "{voted} sur {here} ont voté (+{others} avant départ)";
    /// Voting screen: whose vote the next digit is.
    NextToVote => "Next to vote: ", "Prochain vote\u{a0}: ";
    /// Voting screen: the votes spread 2 levels or more.
    DivergentDiscuss => "DIVERGENT: spread of 2 or more, discuss it",
        "DIVERGENT\u{a0}: écart de 2 ou plus, à discuter";
    /// Voting screen: some voted N/A, some a level.
    NaDisputed => "N/A disputed: some voted N/A, some a level",
        "S.\u{a0}O. contesté\u{a0}: votes partagés entre S.\u{a0}O. et un niveau";
    /// Voting screen and presenter view: the proposal, before the result.
    Proposed => "Proposed: ", "Proposé\u{a0}: ";
    /// Voting screen: after the proposal.
    Unconfirmed => "(unconfirmed)", "(non confirmé)";
    /// Voting screen: what to do with a proposal.
    ConfirmOrOverride => "Enter confirms · o then a digit overrides",
        "Entrée\u{a0}: confirmer · o + chiffre\u{a0}: modifier";
    /// Voting screen and presenter view: the result, before it.
    Agreed => "Agreed: ", "Retenu\u{a0}: ";
    /// Voting screen: the result is an override of the votes.
    OverrideOfVotes => "✓ override of the votes", "✓ résultat modifié";
    /// Voting screen: the result is the votes' proposal, confirmed.
    Confirmed => "✓ confirmed", "✓ confirmé";
    /// Voting screen: the result was scored without a vote.
    ScoredWithoutVotes => "(scored without votes)", "(coté sans vote)";
    /// Voting screen: why the room overrode the votes.
    Reason => "Reason: {reason}", "Motif\u{a0}: {reason}";
    /// Voting screen: no proposal yet.
    NoConsensusYet => "No consensus yet: record the votes.",
        "Pas de consensus\u{a0}: enregistrez les votes.";
    /// Voting screen, bottom pane title.
    NotesByParticipant => "Notes by participant (m adds one for the selected)",
        "Notes par personne (m pour en ajouter une à la personne choisie)";
    /// Voting screen: a note, after its author's name.
    NoteBy => "{name}: ", "{name}\u{a0}: ";
    /// Presenter view, title chip during a break.
    BreakChip => "BREAK since {time}", "PAUSE depuis {time}";
    /// Presenter view, title chip over time.
    OverTimeChip => "⏱ OVER TIME {over}", "⏱ TEMPS DÉPASSÉ {over}";
    /// Presenter view, title chip: the time left.
    LeftChip => "⏱ {left} left", "⏱ reste {left}";
    /// Presenter view: the votes spread 2 levels or more (wide).
    DivergentLong => "DIVERGENT: the votes spread 2 levels or more, discuss",
        "DIVERGENT\u{a0}: les votes s'écartent de 2 niveaux ou plus, à discuter";
    /// Presenter view: the votes spread 2 levels or more (narrow).
    DivergentShort => "DIVERGENT: discuss", "DIVERGENT\u{a0}: à discuter";
    /// Presenter view: after the proposal.
    NotConfirmedYet => "(not confirmed yet)", "(pas encore confirmé)";
    /// Presenter view: the result is an override of the votes.
    AgreedOverride => "✓ agreed (override of the votes)", "✓ résultat modifié";
    /// Presenter view: the result is confirmed.
    AgreedMark => "✓ agreed", "✓ confirmé";
    /// Presenter view: no votes on the question.
    NoVotesYet => "No votes yet.", "Aucun vote pour l'instant.";
    /// Presenter view: the heading of the level descriptors.
    LevelsHere => "What the levels mean here", "Sens des niveaux ici";
    /// Presenter view: the heading of the level descriptors, one left out.
    LevelsHereMoreOne => "What the levels mean here ({n} more on the Question screen)",
        "Sens des niveaux ici ({n} autre à l'écran Question)";
    /// Presenter view: the heading of the level descriptors, several left out.
    LevelsHereMoreMany => "What the levels mean here ({n} more on the Question screen)",
        "Sens des niveaux ici ({n} autres à l'écran Question)";
    /// Presenter view: a level's descriptor, after its number and name.
    LevelHead => "{level} {name}: ", "{level} {name}\u{a0}: ";
    /// Presenter view: every one present has voted.
    EveryoneVoted => "Everyone in the room has voted.", "Toutes les personnes présentes ont voté.";
    /// Presenter view: the names still to vote follow.
    NotVotedYet => "Not voted yet ({n}): ", "Pas encore voté ({n})\u{a0}: ";
    /// Presenter view: the list of names still to vote is cut.
    AndOthers => "{names} … and others", "{names} … et d'autres";
    /// Presenter view: whose vote the next digit is.
    NextVote => "Next vote: {name}", "Prochain vote\u{a0}: {name}";
    /// Presenter view: the previous question had no answer.
    NoAnswer => "no answer", "sans réponse";
    /// Presenter view: the previous question's result is a proposal.
    ProposedResult => "{result} (proposed)", "{result} (proposé)";
    /// Presenter view: the previous question and its result.
    Previous => "Previous: {id} {result}", "Précédente\u{a0}: {id} {result}";
    /// Presenter view: the day's progress, one or no question settled.
    SettledOne => "{settled} of {total} settled", "{settled} sur {total} réglée";
    /// Presenter view: the day's progress, several questions settled.
    SettledMany => "{settled} of {total} settled", "{settled} sur {total} réglées";
    /// Presenter view, under the big countdown, over time.
    OverTimeCaption => "OVER TIME: the timebox is {timebox}",
        "TEMPS DÉPASSÉ\u{a0}: temps prévu de {timebox} par question";
    /// Presenter view, under the big countdown.
    LeftCaption => "left of {timebox} for this question",
        "restantes sur {timebox} pour cette question";
    /// Agenda overlay, title.
    AgendaTitle => "Agenda: {n} still to settle", "Ordre du jour\u{a0}: {n} à régler";
    /// Agenda overlay, its order and the unanimous proposals (none or one); the French
    /// says the count first, as the line is cut at 80 columns.
    AgendaOrderOne => "Divergent first, then disputed N/A, then to confirm, then unanswered. {n} unanimous proposal (C confirms them).",
        "{n} proposition unanime (C pour confirmer). Ordre\u{a0}: divergentes, S.\u{a0}O. contesté, à confirmer, sans réponse.";
    /// Agenda overlay, its order and the unanimous proposals (several).
    AgendaOrderMany => "Divergent first, then disputed N/A, then to confirm, then unanswered. {n} unanimous proposals (C confirms them).",
        "{n} propositions unanimes (C pour les confirmer). Ordre\u{a0}: divergentes, S.\u{a0}O. contesté, à confirmer, sans réponse.";
    /// Agenda: why a question is on it, the votes spread.
    ReasonDivergent => "divergent", "divergente";
    /// Agenda: why a question is on it, the room is split on N/A.
    ReasonNaDisputed => "N/A disputed", "S.\u{a0}O. contesté";
    /// Agenda: why a question is on it, a proposal waits.
    ReasonPending => "to confirm", "à confirmer";
    /// Agenda: why a question is on it, no answer.
    ReasonUnanswered => "unanswered", "sans réponse";
    /// Status: a participant key before anyone is added.
    AddParticipantsFirst => "Add the participants first: press a.",
        "Ajoutez d'abord les personnes participantes\u{a0}: appuyez sur a.";
    /// Status: someone left the room, with one or no vote.
    LeftRoomOne => "{who} left at {time}; their {votes} vote stays (x again: back in the room).",
        "{who} a quitté la séance à {time}\u{202f}; votes conservés\u{a0}: {votes} (x de nouveau\u{a0}: retour dans la salle).";
    /// Status: someone left the room, with several votes.
    LeftRoomMany => "{who} left at {time}; their {votes} votes stay (x again: back in the room).",
        "{who} a quitté la séance à {time}\u{202f}; votes conservés\u{a0}: {votes} (x de nouveau\u{a0}: retour dans la salle).";
    /// Status: someone came back.
    BackInRoom => "{who} is back in the room.", "{who} est de retour dans la salle.";
    /// Status: a break ended.
    BreakOver => "Break over after {duration}: the clocks run again.",
        "Fin de la pause après {duration}\u{a0}: les minuteurs repartent.";
    /// Status: a break started.
    BreakStarted => "Break since {time}: the clocks are paused (b ends it).",
        "Pause depuis {time}\u{a0}: les minuteurs sont arrêtés (b pour reprendre).";
    /// Status: `A` with nothing left to settle.
    AgendaEmpty => "The agenda is empty: every question is settled.",
        "L'ordre du jour est vide\u{a0}: toutes les questions sont réglées.";
    /// Status: `N` with nothing else to settle.
    NothingElseOnAgenda => "Nothing else on the agenda.", "Rien d'autre à l'ordre du jour.";
    /// Status: gone to a question of the agenda.
    AgendaWent => "Agenda: {id} ({reason}); {left} still to settle.",
        "Ordre du jour\u{a0}: {id} ({reason})\u{202f}; {left} à régler.";
    /// Status: `C` with no unanimous proposal.
    NoUnanimous => "No proposal on the agenda has every vote agreeing.",
        "Aucune proposition à l'ordre du jour ne fait l'unanimité des votes.";
    /// Status: unanimous proposals confirmed (none or one).
    ConfirmedUnanimousOne => "Confirmed {n} unanimous proposal.",
        "{n} proposition unanime confirmée.";
    /// Status: unanimous proposals confirmed (several).
    ConfirmedUnanimousMany => "Confirmed {n} unanimous proposals.",
        "{n} propositions unanimes confirmées.";
    /// Status: the follow-up flag was removed.
    FlagRemoved => "Flag removed.", "Signalement retiré.";
    /// Status: a digit after everyone voted, which would overwrite a vote.
    EveryoneVotedChange => "Everyone here has voted. To change {name}'s vote, select the row (↑/↓) and type it again.",
        "Toutes les personnes présentes ont voté. Pour changer le vote de {name}, sélectionnez sa ligne (↑/↓) et tapez-le de nouveau.";
    /// Status: a vote on a question whose result was overridden.
    VoteKeepsOverride => "Vote recorded. The override ({level}) stays; the votes now propose {proposal}: Enter takes the votes' proposal instead.",
        "Vote enregistré. La modification ({level}) reste\u{202f}; les votes proposent maintenant {proposal}\u{a0}: Entrée retient plutôt la proposition des votes.";
    /// Status: what the votes propose when they propose nothing.
    NothingProposed => "nothing", "rien";
    /// Status: the last vote is in.
    EveryoneVotedNext => "Everyone here has voted: Enter confirms the proposal, o overrides it.",
        "Toutes les personnes présentes ont voté\u{a0}: Entrée pour confirmer la proposition, o pour la modifier.";
    /// Status: the proposal was confirmed.
    ConsensusConfirmed => "Consensus confirmed: {result}.", "Consensus confirmé\u{a0}: {result}.";
    /// Status: the result was overridden.
    ConsensusOverridden => "Consensus set to {result} (override).", "Consensus fixé à {result} (modifié).";
    /// Status: an override that is what the votes propose.
    ConsensusAsProposed => "Consensus confirmed: {result} (what the votes propose).",
        "Consensus confirmé\u{a0}: {result} (ce que proposent les votes).";
    /// Status, after a consensus of N/A: its controls are excluded.
    ControlsExcluded => "Its controls are excluded in the statement.",
        "Ses mesures sont marquées comme exclues dans la déclaration d'applicabilité.";
    /// Status, after a consensus of N/A: its controls are excluded but for some.
    ControlsExcludedExcept => "Its controls are excluded in the statement, except {controls} (required by a mandatory clause: decide it there).",
        "Ses mesures sont marquées comme exclues dans la déclaration d'applicabilité, sauf {controls} (exigées par un article obligatoire\u{a0}: à trancher dans la déclaration).";
    /// Status: `o` pressed.
    OverrideHow => "Override: type the level the room agreed on (1-5, n for N/A; Esc cancels).",
        "Modification\u{a0}: tapez le niveau retenu par la salle (1 à 5, n pour S.\u{a0}O.\u{202f}; Échap pour annuler).";
    /// Status: an override cancelled.
    NothingChanged => "Nothing was changed.", "Rien n'a été modifié.";
    /// Status: the presenter view left an N/A without its justification.
    NaNeedsJustification => "{id}: N/A still needs its justification (Question screen, e).",
        "{id}\u{a0}: la réponse S.\u{a0}O. attend encore sa justification (écran Question, e).";
    /// Status: a participant removed.
    Removed => "Removed {name} and their votes (their notes stay).",
        "{name} et ses votes ont été retirés (ses notes restent).";
    /// Status: a question parked in a workshop; the owner prompt follows.
    ParkedWhoFollows => "Parked. Who follows it up? (Enter leaves it open.)",
        "Question mise en suspens. Qui en assure le suivi\u{202f}? (Entrée pour laisser ouvert.)";
    /// Status: a question flagged outside a workshop.
    Flagged => "Flagged for follow-up (Overview: f lists the flagged questions).",
        "Signalée pour suivi (Aperçu\u{a0}: f liste les questions signalées).";
    /// Status: a participant added.
    Added => "Added {name} (joined {time}).", "Arrivée de {name} à {time}.";
    /// Status: a participant renamed.
    Renamed => "Renamed; their votes and notes follow.",
        "Nom modifié\u{202f}; ses votes et ses notes suivent.";
    /// Status: a participant's note saved.
    NoteSaved => "Note by {name} saved.", "Note de {name} enregistrée.";
    /// Status: an override's reason saved.
    OverrideReasonKept => "Override kept with its reason (the minutes show it).",
        "Modification conservée avec son motif (le compte rendu l'indique).";
    /// Status: a parked question's follow-up saved.
    ParkedWithFollowUp => "Parked with its follow-up (the roadmap lists it; Overview: f shows the parking lot).",
        "Question mise en suspens avec son suivi (la feuille de route l'indique\u{202f}; Aperçu\u{a0}: f montre les points en suspens).";
    /// Status: the timebox set.
    TimeboxSet => "Time per question: {duration} (a warning only, it never stops you).",
        "Temps par question\u{a0}: {duration} (un simple avertissement, rien n'est bloqué).";
    /// Status: a due date that is not one.
    NotADueDate => "{text} is not a due date: type YYYY-MM-DD (2027-01-15) or a number of days (14), or leave it empty.",
        "{text} n'est pas une date d'échéance\u{a0}: tapez AAAA-MM-JJ (2027-01-15) ou un nombre de jours (14), ou laissez vide.";
    /// Status: a timebox that is not a duration.
    NotADuration => "{text} is not a duration: type seconds (90), minutes (90m), m:ss (2:30) or hours (1h30).",
        "{text} n'est pas une durée\u{a0}: tapez des secondes (90), des minutes (90m), m:ss (2:30) ou des heures (1h30 ou 1 h 30).";
    /// Status: a timebox under the minimum.
    TimeboxTooShort => "{text} is too short: a question needs at least {min} seconds.",
        "{text}, c'est trop court\u{a0}: une question demande au moins {min} secondes.";
    /// Status: a timebox over the maximum.
    TimeboxTooLong => "{text} is {duration} per question: the limit is 12 h. Type minutes as 90m or 2:30.",
        "{text}, c'est {duration} par question\u{a0}: la limite est de 12 h. Tapez les minutes ainsi\u{a0}: 90m ou 2:30.";
}

const WEEKDAYS_FR: [&str; 7] = [
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
];

/// Month abbreviations of the Office québécois de la langue française.
const MONTHS_FR_SHORT: [&str; 12] = [
    "janv.", "févr.", "mars", "avr.", "mai", "juin", "juill.", "août", "sept.", "oct.", "nov.",
    "déc.",
];

impl Lang {
    /// A time of day: `22:20` / `22 h 20` (Québec; no-break spaces keep it on one line).
    pub fn time_of_day(self, t: DateTime<FixedOffset>) -> String {
        match self {
            Lang::En => t.format("%H:%M").to_string(),
            Lang::Fr => format!("{}\u{a0}h\u{a0}{:02}", t.hour(), t.minute()),
        }
    }

    /// A moment on another day: `Sat 28 Nov 05:00` / `samedi 28 nov. à 5 h 00`.
    fn day_and_time(self, t: DateTime<FixedOffset>) -> String {
        match self {
            Lang::En => t.format("%a %-d %b %H:%M").to_string(),
            Lang::Fr => {
                let weekday = WEEKDAYS_FR[t.weekday().num_days_from_monday() as usize];
                let month = MONTHS_FR_SHORT[t.month0() as usize];
                let day = match t.day() {
                    1 => "1er".to_string(),
                    d => d.to_string(),
                };
                format!("{weekday} {day} {month} à {}", self.time_of_day(t))
            }
        }
    }

    /// The session's pace: "at this pace: done by 15:40", with the day when it is not
    /// today ("done by Sat 28 Nov 05:00").
    pub fn pace(self, pace: &Pace, now: DateTime<FixedOffset>) -> String {
        let finish = pace.projected_finish;
        if finish.date_naive() == now.date_naive() {
            self.f(RoomText::PaceToday, &[("time", &self.time_of_day(finish))])
        } else {
            self.f(
                RoomText::PaceOtherDay,
                &[("day", &self.day_and_time(finish))],
            )
        }
    }

    /// The pace in as few words as the language allows: the English of [`Lang::pace`],
    /// "fin vers 22 h 20" in French.
    pub fn pace_brief(self, pace: &Pace, now: DateTime<FixedOffset>) -> String {
        let finish = pace.projected_finish;
        if finish.date_naive() == now.date_naive() {
            self.f(
                RoomText::PaceBriefToday,
                &[("time", &self.time_of_day(finish))],
            )
        } else {
            self.f(
                RoomText::PaceBriefOtherDay,
                &[("day", &self.day_and_time(finish))],
            )
        }
    }

    /// Why a question is on the discussion agenda, in a word or two.
    pub fn agenda_reason(self, reason: AgendaReason) -> &'static str {
        self.t(match reason {
            AgendaReason::Divergent => RoomText::ReasonDivergent,
            AgendaReason::ApplicabilityDisputed => RoomText::ReasonNaDisputed,
            AgendaReason::Pending => RoomText::ReasonPending,
            AgendaReason::Unanswered => RoomText::ReasonUnanswered,
        })
    }

    /// What is wrong with a typed timebox.
    pub fn timebox_problem(self, problem: &TimeboxProblem) -> String {
        match problem {
            TimeboxProblem::NotADuration(text) => {
                self.f(RoomText::NotADuration, &[("text", &self.quote_typed(text))])
            }
            TimeboxProblem::TooShort { text, min } => {
                self.f(RoomText::TimeboxTooShort, &[("text", text), ("min", min)])
            }
            TimeboxProblem::TooLong { text, seconds } => self.f(
                RoomText::TimeboxTooLong,
                &[
                    ("text", text),
                    ("duration", &crate::workshop::timebox::clock(*seconds)),
                ],
            ),
        }
    }

    /// What the facilitator typed, quoted: `"soon"` / `« soon »` (the English keeps the
    /// straight quotes its messages always had).
    pub fn quote_typed(self, text: &str) -> String {
        match self {
            Lang::En => format!("\"{text}\""),
            Lang::Fr => self.quote(text),
        }
    }

    /// A median of level votes: `2.5` / `2,5`, `3` without decimals when whole.
    pub fn vote_median(self, median: Option<f64>) -> String {
        median.map_or("–".to_string(), |m| {
            let text = format!("{m:.1}").replace(".0", "");
            match self {
                Lang::En => text,
                Lang::Fr => text.replace('.', ","),
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(d: u32, h: u32, m: u32) -> DateTime<FixedOffset> {
        FixedOffset::west_opt(5 * 3600)
            .and_then(|z| z.with_ymd_and_hms(2026, 11, d, h, m, 0).single())
            .expect("a valid time")
    }

    #[test]
    fn times_of_day_are_written_the_quebec_way() {
        assert_eq!(Lang::En.time_of_day(at(27, 9, 5)), "09:05");
        assert_eq!(Lang::Fr.time_of_day(at(27, 9, 5)), "9\u{a0}h\u{a0}05");
        assert_eq!(Lang::Fr.time_of_day(at(27, 22, 20)), "22\u{a0}h\u{a0}20");
    }

    #[test]
    fn the_pace_names_the_day_in_french() {
        let now = at(27, 21, 0);
        let today = crate::workshop::timebox::pace(now, 0, 0, 10, 480);
        assert_eq!(
            Lang::Fr.pace(&today, now),
            "à ce rythme\u{a0}: fin vers 22\u{a0}h\u{a0}20"
        );
        assert_eq!(Lang::En.pace(&today, now), "at this pace: done by 22:20");
        let tomorrow = crate::workshop::timebox::pace(now, 0, 0, 100, 300);
        assert_eq!(
            Lang::Fr.pace(&tomorrow, now),
            "à ce rythme\u{a0}: fin vers samedi 28 nov. à 5\u{a0}h\u{a0}20"
        );
        assert_eq!(
            Lang::En.pace(&tomorrow, now),
            "at this pace: done by Sat 28 Nov 05:20"
        );
        // The presenter's bottom line: the same English, fewer French words.
        assert_eq!(
            Lang::En.pace_brief(&tomorrow, now),
            Lang::En.pace(&tomorrow, now)
        );
        assert_eq!(
            Lang::Fr.pace_brief(&today, now),
            "fin vers 22\u{a0}h\u{a0}20"
        );
    }

    #[test]
    fn timebox_problems_in_french() {
        use crate::workshop::timebox::check_timebox;
        let words = |t: &str| check_timebox(t).map_err(|p| Lang::Fr.timebox_problem(&p));
        assert_eq!(words("1 h 30"), Ok(5400));
        assert!(
            words("bientôt")
                .is_err_and(|m| m.contains("«\u{a0}bientôt\u{a0}» n'est pas une durée"))
        );
        assert!(words("5").is_err_and(|m| m.contains("au moins 10 secondes")));
        assert!(words("13h").is_err_and(|m| m.contains("la limite est de 12 h")));
        // The English is what `parse_timebox` always said.
        assert_eq!(
            check_timebox("soon").map_err(|p| Lang::En.timebox_problem(&p)),
            crate::workshop::timebox::parse_timebox("soon")
        );
    }

    #[test]
    fn medians_take_a_decimal_comma_in_french() {
        assert_eq!(Lang::Fr.vote_median(Some(2.5)), "2,5");
        assert_eq!(Lang::En.vote_median(Some(2.5)), "2.5");
        assert_eq!(Lang::Fr.vote_median(Some(3.0)), "3");
        assert_eq!(Lang::Fr.vote_median(None), "–");
    }
}
