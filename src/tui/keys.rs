//! The one keymap table: every binding of every mode, its footer hint and its help
//! line. [`resolve`] reads it to turn a key into a [`Msg`]; the footer and the `?`
//! screen are drawn from it too, so they cannot drift from the real bindings.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::msg::Msg;
pub use super::msg::{Action, Mode};
use crate::locale::{Both, Lang};

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

    /// How the key is written in hints, in `lang`.
    ///
    /// French names the keys as the Office québécois de la langue française and French
    /// Windows and macOS do (Entrée, Échap, Espace, Suppr, Début, Fin, PgPréc, PgSuiv,
    /// Maj-Tab, Retour arrière): Canadian French keyboards print them, or only a symbol,
    /// and a Québec user reads them in the system's own menus. Tab and Ctrl stay as
    /// they are: that is what the keys say on Canadian keyboards too.
    pub fn label(self, lang: Lang) -> String {
        let fr = lang == Lang::Fr;
        let name = |en: &str, fr_name: &str| {
            if fr {
                fr_name.to_string()
            } else {
                en.to_string()
            }
        };
        match self {
            Key::Ch(' ') => name("Space", "Espace"),
            Key::Ch(c) => c.to_string(),
            Key::Ctrl(c) => format!("Ctrl-{}", c.to_ascii_uppercase()),
            Key::Code(code) => match code {
                KeyCode::Up => "↑".into(),
                KeyCode::Down => "↓".into(),
                KeyCode::Left => "←".into(),
                KeyCode::Right => "→".into(),
                KeyCode::Enter => name("Enter", "Entrée"),
                KeyCode::Esc => name("Esc", "Échap"),
                KeyCode::Tab => "Tab".into(),
                KeyCode::BackTab => name("S-Tab", "Maj-Tab"),
                KeyCode::Backspace => name("Bksp", "Retour arrière"),
                KeyCode::Delete => name("Del", "Suppr"),
                KeyCode::Home => name("Home", "Début"),
                KeyCode::End => name("End", "Fin"),
                KeyCode::PageUp => name("PgUp", "PgPréc"),
                KeyCode::PageDown => name("PgDn", "PgSuiv"),
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
    /// Short text for the footer, in both languages; empty: help screen only.
    pub hint: Both,
    /// Text for the help screen, in both languages.
    pub help: Both,
}

/// No footer hint: the binding shows on the help screen only.
const NONE: Both = Both { en: "", fr: "" };

impl Binding {
    /// The keys as written in hints, e.g. `↑/k`; a run of digits collapses to `1-5`.
    pub fn keys_label(&self, lang: Lang) -> String {
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
            parts.push(k.label(lang));
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
    Binding { modes: VOTE, keys: DIGITS, action: Action::Digit, hint: Both { en: "vote", fr: "voter" }, help: Both { en: "Record the selected participant's vote, then go to the next person still to vote (no participants: score the question)", fr: "Enregistrer le vote de la personne sélectionnée, puis passer à la prochaine qui n'a pas voté (sans personne participante\u{a0}: coter la question)" } },
    Binding { modes: VOTE, keys: &[Key::Ch('n')], action: Action::NotApplicable, hint: Both { en: "N/A", fr: "S.\u{a0}O." }, help: Both { en: "Vote N/A (only where the question allows it)", fr: "Voter S.\u{a0}O. (seulement si la question le permet)" } },
    Binding { modes: VOTE, keys: &[Key::Code(C::Backspace)], action: Action::Backspace, hint: NONE, help: Both { en: "Clear the selected participant's vote", fr: "Effacer le vote de la personne sélectionnée" } },
    Binding { modes: VOTE, keys: &[Key::Code(C::Enter), Key::Ch('c')], action: Action::ConfirmConsensus, hint: Both { en: "confirm", fr: "confirmer" }, help: Both { en: "Confirm the proposed consensus: it becomes the question's level", fr: "Confirmer le consensus proposé\u{a0}: il devient le niveau de la question" } },
    Binding { modes: VOTE, keys: &[Key::Ch('o')], action: Action::OverrideConsensus, hint: Both { en: "override", fr: "modifier" }, help: Both { en: "Override the consensus: o, then the level 1-5 (or n for N/A)", fr: "Modifier le consensus\u{a0}: o, puis le niveau 1 à 5 (ou n pour S.\u{a0}O.)" } },
    Binding { modes: &[M::Voting], keys: &[Key::Ch('a')], action: Action::AddParticipant, hint: Both { en: "add", fr: "ajouter" }, help: Both { en: "Add a participant", fr: "Ajouter une personne participante" } },
    Binding { modes: &[M::Voting], keys: &[Key::Ch('r')], action: Action::RenameParticipant, hint: Both { en: "rename", fr: "renommer" }, help: Both { en: "Rename the selected participant (their votes and notes follow)", fr: "Renommer la personne sélectionnée (ses votes et ses notes suivent)" } },
    Binding { modes: &[M::Voting], keys: &[Key::Ch('x')], action: Action::LeaveRoom, hint: Both { en: "left", fr: "départ" }, help: Both { en: "The selected participant left the room: their votes stay, they get no new ones (again: back in the room)", fr: "La personne sélectionnée a quitté la séance\u{a0}: ses votes restent, elle n'en reçoit plus (de nouveau\u{a0}: elle revient dans la salle)" } },
    Binding { modes: &[M::Voting], keys: &[Key::Ch('d'), Key::Code(C::Delete)], action: Action::Delete, hint: Both { en: "remove", fr: "retirer" }, help: Both { en: "Remove a participant added by mistake, with their votes (asks first, saying how many votes go)", fr: "Retirer une personne ajoutée par erreur, avec ses votes (demande d'abord, en disant combien de votes disparaissent)" } },
    Binding { modes: &[M::Voting], keys: &[Key::Ch('m')], action: Action::ParticipantNote, hint: Both { en: "note", fr: "note" }, help: Both { en: "Write a note attributed to the selected participant", fr: "Écrire une note attribuée à la personne sélectionnée" } },
    Binding { modes: &[M::Voting], keys: &[Key::Ch('t')], action: Action::SetTimebox, hint: Both { en: "timebox", fr: "durée" }, help: Both { en: "Set the time per question for this assessment's sessions", fr: "Fixer le temps par question pour les séances de cette évaluation" } },
    Binding { modes: VOTE, keys: &[Key::Ch('N')], action: Action::NextAgendaItem, hint: Both { en: "next on agenda", fr: "point suivant" }, help: Both { en: "Go to the next question on the discussion agenda (divergent, disputed N/A, to confirm, unanswered)", fr: "Aller à la question suivante de l'ordre du jour (divergente, S.\u{a0}O. contesté, à confirmer, sans réponse)" } },
    Binding { modes: VOTE, keys: &[Key::Ch('A')], action: Action::Agenda, hint: Both { en: "agenda", fr: "ordre du jour" }, help: Both { en: "The discussion agenda: the questions still to settle, in the order to take them", fr: "L'ordre du jour\u{a0}: les questions encore à régler, dans l'ordre où les traiter" } },
    Binding { modes: VOTE, keys: &[Key::Ch('b')], action: Action::Break, hint: Both { en: "break", fr: "pause" }, help: Both { en: "Start or end a break: the question timer and the session clock pause", fr: "Commencer ou terminer une pause\u{a0}: le minuteur de la question et l'horloge de la séance s'arrêtent" } },
    Binding { modes: &[M::Presenter], keys: &[Key::Ch('p'), Key::Code(C::Esc)], action: Action::Presenter, hint: Both { en: "leave", fr: "sortir" }, help: Both { en: "Leave the presenter view", fr: "Quitter la vue de présentation" } },
    Binding { modes: &[M::Agenda], keys: &[Key::Code(C::Enter)], action: Action::Enter, hint: Both { en: "go to", fr: "aller à" }, help: Both { en: "Go to the highlighted question", fr: "Aller à la question en surbrillance" } },
    Binding { modes: &[M::Agenda], keys: &[Key::Ch('C')], action: Action::ConfirmUnanimous, hint: Both { en: "confirm unanimous", fr: "confirmer les unanimes" }, help: Both { en: "Confirm every proposal on which all votes agree, in one step (says how many, asks first)", fr: "Confirmer en une fois toutes les propositions unanimes (indique combien, demande d'abord)" } },
    Binding { modes: &[M::Agenda], keys: &[Key::Code(C::Esc), Key::Ch('A')], action: Action::Agenda, hint: Both { en: "close", fr: "fermer" }, help: Both { en: "Close the agenda", fr: "Fermer l'ordre du jour" } },
    Binding { modes: &[M::Override], keys: DIGITS, action: Action::Digit, hint: Both { en: "level", fr: "niveau" }, help: Both { en: "The level the room agreed on", fr: "Le niveau convenu par la salle" } },
    Binding { modes: &[M::Override], keys: &[Key::Ch('n')], action: Action::NotApplicable, hint: Both { en: "N/A", fr: "S.\u{a0}O." }, help: Both { en: "Not applicable (only where the question allows it)", fr: "Sans objet (seulement si la question le permet)" } },
    Binding { modes: &[M::Override], keys: &[Key::Code(C::Esc)], action: Action::Back, hint: Both { en: "cancel", fr: "annuler" }, help: Both { en: "Cancel: keep the consensus as it is", fr: "Annuler\u{a0}: garder le consensus tel quel" } },
    // Question screen: the core loop first, so the footer shows it first.
    Binding { modes: &[M::Question], keys: DIGITS, action: Action::Digit, hint: Both { en: "score", fr: "coter" }, help: Both { en: "Score the question at this level (in a workshop: use Voting)", fr: "Coter la question à ce niveau (en atelier\u{a0}: utiliser l'écran Vote)" } },
    Binding { modes: &[M::Question], keys: &[Key::Ch('n')], action: Action::NotApplicable, hint: Both { en: "N/A", fr: "S.\u{a0}O." }, help: Both { en: "Not applicable (only where the question allows it; a justification note is then required)", fr: "Sans objet (seulement si la question le permet\u{202f}; une note de justification est alors exigée)" } },
    Binding { modes: &[M::Question, M::Voting], keys: &[Key::Ch('f')], action: Action::ToggleFlag, hint: Both { en: "flag", fr: "signaler" }, help: Both { en: "Flag for follow-up with a reason (again: remove the flag)", fr: "Signaler pour suivi, avec un motif (de nouveau\u{a0}: retirer le signalement)" } },
    Binding { modes: ON_QUESTION, keys: &[Key::Code(C::Left), Key::Ch('h')], action: Action::PrevQuestion, hint: Both { en: "prev", fr: "préc." }, help: Both { en: "Previous question", fr: "Question précédente" } },
    Binding { modes: ON_QUESTION, keys: &[Key::Code(C::Right), Key::Ch('l')], action: Action::NextQuestion, hint: Both { en: "next", fr: "suiv." }, help: Both { en: "Next question", fr: "Question suivante" } },
    Binding { modes: &[M::Question], keys: &[Key::Ch('t')], action: Action::Checklist, hint: Both { en: "checks", fr: "vérifications" }, help: Both { en: "The question's yes/no checks by level: tick what is true, and the evidence supports a level", fr: "Les points de vérification de la question, par niveau\u{a0}: cochez ce qui est vrai\u{202f}; les preuves appuient alors un niveau" } },
    Binding { modes: &[M::Checklist], keys: &[Key::Ch(' '), Key::Code(C::Enter)], action: Action::ToggleCheck, hint: Both { en: "tick", fr: "cocher" }, help: Both { en: "Tick or untick the highlighted check (saved at once)", fr: "Cocher ou décocher le point en surbrillance (enregistré aussitôt)" } },
    Binding { modes: &[M::Checklist], keys: &[Key::Ch('a')], action: Action::AttachEvidence, hint: Both { en: "attach", fr: "joindre" }, help: Both { en: "Attach a file (hashed now, never copied) or a link as evidence of the highlighted check", fr: "Joindre un fichier (empreinte calculée maintenant, jamais copié) ou un lien comme preuve du point en surbrillance" } },
    Binding { modes: &[M::Checklist], keys: &[Key::Ch('l')], action: Action::LinkEvidence, hint: Both { en: "link", fr: "lier" }, help: Both { en: "Link an item of the evidence register to the highlighted check (pick it from the list)", fr: "Lier un élément du registre des preuves au point en surbrillance (à choisir dans la liste)" } },
    Binding { modes: &[M::Checklist], keys: &[Key::Ch('A')], action: Action::AttachToQuestion, hint: NONE, help: Both { en: "Attach a file (hashed now, never copied) or a link as evidence of the question as a whole", fr: "Joindre un fichier (empreinte calculée maintenant, jamais copié) ou un lien comme preuve de la question dans son ensemble" } },
    Binding { modes: &[M::Checklist], keys: &[Key::Ch('L')], action: Action::LinkToQuestion, hint: NONE, help: Both { en: "Link an item of the evidence register to the question as a whole", fr: "Lier un élément du registre des preuves à la question dans son ensemble" } },
    Binding { modes: &[M::Checklist], keys: &[Key::Ch('r')], action: Action::Register, hint: Both { en: "register", fr: "registre" }, help: Both { en: "The evidence register: every item, where it is used, whether its file changed", fr: "Le registre des preuves\u{a0}: chaque élément, où il sert, si son fichier a changé" } },
    Binding { modes: &[M::Checklist], keys: &[Key::Code(C::Esc), Key::Ch('t')], action: Action::Checklist, hint: Both { en: "close", fr: "fermer" }, help: Both { en: "Close the checklist", fr: "Fermer les points de vérification" } },
    // The evidence register (and the register as a picker, opened from the checklist).
    Binding { modes: &[M::RegisterPick], keys: &[Key::Code(C::Enter)], action: Action::Enter, hint: Both { en: "link", fr: "lier" }, help: Both { en: "Link the selected item, then go back to the checklist", fr: "Lier l'élément sélectionné, puis revenir aux points de vérification" } },
    Binding { modes: &[M::Register], keys: &[Key::Code(C::Enter)], action: Action::Enter, hint: Both { en: "question", fr: "question" }, help: Both { en: "Open the first question that uses the selected item (Esc comes back here)", fr: "Ouvrir la première question qui utilise l'élément sélectionné (Échap ramène ici)" } },
    Binding { modes: &[M::Register, M::RegisterPick], keys: &[Key::Ch('v')], action: Action::VerifyFiles, hint: Both { en: "check files", fr: "vérifier les fichiers" }, help: Both { en: "Re-hash every file of the register: unchanged, changed or missing (in the background)", fr: "Recalculer l'empreinte de chaque fichier du registre\u{a0}: inchangé, modifié ou manquant (en arrière-plan)" } },
    Binding { modes: &[M::Register], keys: &[Key::Code(C::Esc)], action: Action::Back, hint: Both { en: "back", fr: "retour" }, help: Both { en: "Back where the register was opened from", fr: "Revenir là où le registre a été ouvert" } },
    Binding { modes: &[M::RegisterPick], keys: &[Key::Code(C::Esc)], action: Action::Back, hint: Both { en: "cancel", fr: "annuler" }, help: Both { en: "Back to the checklist without linking anything", fr: "Revenir aux points de vérification sans rien lier" } },
    Binding { modes: &[M::Question], keys: &[Key::Ch('u')], action: Action::NextUnanswered, hint: Both { en: "unanswered", fr: "sans réponse" }, help: Both { en: "Next unanswered question", fr: "Question suivante sans réponse" } },
    Binding { modes: &[M::Question], keys: &[Key::Ch('i')], action: Action::ToggleGuidance, hint: Both { en: "guidance", fr: "conseils" }, help: Both { en: "Show or hide the guidance", fr: "Afficher ou masquer les conseils" } },
    Binding { modes: &[M::Question], keys: &[Key::Ch('e')], action: Action::EditNote, hint: Both { en: "note", fr: "note" }, help: Both { en: "Write a note (saved as you type)", fr: "Écrire une note (enregistrée au fil de la saisie)" } },
    Binding { modes: &[M::Question], keys: &[Key::Ch('v')], action: Action::EditEvidence, hint: Both { en: "evidence", fr: "preuves" }, help: Both { en: "Edit the evidence seen, one item per line", fr: "Modifier les preuves consultées, un élément par ligne" } },
    Binding { modes: &[M::Question, M::Overview, M::Voting], keys: &[Key::Ch('g')], action: Action::JumpTo, hint: Both { en: "go to", fr: "aller à" }, help: Both { en: "Go to a question by number", fr: "Aller à une question par son numéro" } },
    Binding { modes: &[M::Question, M::Overview], keys: &[Key::Ch('/')], action: Action::Search, hint: Both { en: "search", fr: "chercher" }, help: Both { en: "Find a question by its text or id", fr: "Trouver une question par son texte ou son identifiant" } },
    Binding { modes: &[M::Question], keys: &[Key::Ch('c')], action: Action::ConfirmAnswer, hint: NONE, help: Both { en: "Confirm an answer carried over from the previous questionnaire version (marked to re-check)", fr: "Confirmer une réponse reprise de la version précédente du questionnaire (marquée à revérifier)" } },
    Binding { modes: &[M::Question], keys: &[Key::Ch('x'), Key::Code(C::Delete)], action: Action::ClearAnswer, hint: NONE, help: Both { en: "Clear the level (the note stays)", fr: "Effacer le niveau (la note reste)" } },
    Binding { modes: &[M::Question], keys: &[Key::Ch('a')], action: Action::Soa, hint: Both { en: "controls", fr: "mesures" }, help: Both { en: "Annex A question: its controls in the Statement of Applicability", fr: "Question de l'annexe A\u{a0}: ses mesures dans la déclaration d'applicabilité" } },
    Binding { modes: &[M::Question], keys: &[Key::Ch('w')], action: Action::Voting, hint: Both { en: "vote", fr: "vote" }, help: Both { en: "Workshop: participants' votes and the consensus on this question", fr: "Atelier\u{a0}: les votes des personnes participantes et le consensus sur cette question" } },
    Binding { modes: &[M::Question, M::Voting], keys: &[Key::Ch('p')], action: Action::Presenter, hint: Both { en: "presenter", fr: "présentation" }, help: Both { en: "Presenter view for the room: question, votes, what levels mean", fr: "Vue de présentation pour la salle\u{a0}: question, votes, sens des niveaux" } },
    // Home.
    Binding { modes: &[M::Home], keys: &[Key::Code(C::Enter)], action: Action::Enter, hint: Both { en: "open", fr: "ouvrir" }, help: Both { en: "Open the selected assessment", fr: "Ouvrir l'évaluation sélectionnée" } },
    Binding { modes: &[M::Home], keys: &[Key::Ch('n')], action: Action::New, hint: Both { en: "new", fr: "créer" }, help: Both { en: "Create a new assessment", fr: "Créer une nouvelle évaluation" } },
    Binding { modes: &[M::Home], keys: &[Key::Ch('a')], action: Action::EditDetails, hint: Both { en: "details", fr: "détails" }, help: Both { en: "Open the selected assessment on its details: organisation, scope, assessors, language, document control, conclusion", fr: "Ouvrir les détails de l'évaluation sélectionnée\u{a0}: organisme, domaine d'application, équipe d'évaluation, langue, maîtrise documentaire, conclusion" } },
    Binding { modes: &[M::Home], keys: &[Key::Ch('r')], action: Action::NextRound, hint: Both { en: "next round", fr: "réévaluer" }, help: Both { en: "Start the next round of the selected assessment (same organisation, targets and plan; last answers shown beside each question)", fr: "Commencer le cycle suivant de l'évaluation sélectionnée (même organisme, mêmes cibles et même plan\u{202f}; les dernières réponses s'affichent à côté de chaque question)" } },
    Binding { modes: &[M::Home], keys: &[Key::Ch('d'), Key::Code(C::Delete)], action: Action::Delete, hint: Both { en: "delete", fr: "supprimer" }, help: Both { en: "Delete the selected assessment: asks first, then moves it to the trash folder", fr: "Supprimer l'évaluation sélectionnée\u{a0}: demande d'abord, puis la déplace dans la corbeille" } },
    // The new-assessment form.
    Binding { modes: &[M::NewForm], keys: &[Key::Code(C::Enter)], action: Action::Enter, hint: Both { en: "next / start", fr: "suivant / créer" }, help: Both { en: "Next field; on the last field (or a target), create the assessment", fr: "Champ suivant\u{202f}; sur le dernier champ (ou une cible), créer l'évaluation" } },
    Binding { modes: &[M::NewForm], keys: &[Key::Code(C::Tab)], action: Action::Down, hint: NONE, help: Both { en: "Next field", fr: "Champ suivant" } },
    Binding { modes: &[M::NewForm], keys: &[Key::Code(C::BackTab)], action: Action::Up, hint: NONE, help: Both { en: "Previous field", fr: "Champ précédent" } },
    // Overview.
    Binding { modes: &[M::Overview], keys: &[Key::Code(C::Enter)], action: Action::Enter, hint: Both { en: "open", fr: "ouvrir" }, help: Both { en: "Open the selected question", fr: "Ouvrir la question sélectionnée" } },
    Binding { modes: &[M::Results], keys: &[Key::Code(C::Enter)], action: Action::Enter, hint: Both { en: "open", fr: "ouvrir" }, help: Both { en: "Open what the selected finding is about: its question, or the statement (Esc comes back here)", fr: "Ouvrir ce que vise le constat sélectionné\u{a0}: sa question, ou la déclaration d'applicabilité (Échap ramène ici)" } },
    Binding { modes: &[M::Overview], keys: &[Key::Ch('f')], action: Action::Filter, hint: Both { en: "filter", fr: "filtrer" }, help: Both { en: "Filter: all, unanswered, flagged, critical gaps", fr: "Filtrer\u{a0}: toutes, sans réponse, signalées, écarts critiques" } },
    Binding { modes: &[M::Overview], keys: &[Key::Ch('r')], action: Action::Register, hint: Both { en: "register", fr: "registre" }, help: Both { en: "The evidence register: every item, where it is used, whether its file changed", fr: "Le registre des preuves\u{a0}: chaque élément, où il sert, si son fichier a changé" } },
    // Statement of Applicability.
    Binding { modes: &[M::Soa], keys: &[Key::Ch('i')], action: Action::Include, hint: Both { en: "include", fr: "inclure" }, help: Both { en: "Include the selected control (then say why, and how far it is implemented)", fr: "Inclure la mesure sélectionnée (puis dire pourquoi, et où en est sa mise en œuvre)" } },
    Binding { modes: &[M::Soa], keys: &[Key::Ch('x')], action: Action::Exclude, hint: Both { en: "exclude", fr: "exclure" }, help: Both { en: "Exclude the selected control, with a justification (refused where a mandatory clause requires it)", fr: "Exclure la mesure sélectionnée, avec une justification (refusé lorsqu'un article obligatoire l'exige)" } },
    Binding { modes: &[M::Soa], keys: &[Key::Ch('s'), Key::Ch(' ')], action: Action::CycleStatus, hint: Both { en: "implementation", fr: "état" }, help: Both { en: "Next implementation of an included control: not started, planned, partial, implemented", fr: "État suivant de la mise en œuvre d'une mesure incluse\u{a0}: non commencée, planifiée, partielle, mise en œuvre" } },
    Binding { modes: &[M::Soa], keys: &[Key::Ch('e')], action: Action::EditJustification, hint: Both { en: "justify", fr: "justifier" }, help: Both { en: "Write why the control is included or excluded", fr: "Écrire pourquoi la mesure est incluse ou exclue" } },
    Binding { modes: &[M::Soa], keys: &[Key::Ch('o')], action: Action::SetOwner, hint: Both { en: "owner", fr: "responsable" }, help: Both { en: "Set the owner of the selected control", fr: "Désigner le ou la responsable de la mesure sélectionnée" } },
    Binding { modes: &[M::Soa], keys: &[Key::Ch('f')], action: Action::Filter, hint: Both { en: "filter", fr: "filtrer" }, help: Both { en: "Filter: all, undecided, excluded, not implemented", fr: "Filtrer\u{a0}: toutes, non décidées, exclues, à mettre en œuvre" } },
    Binding { modes: &[M::Soa], keys: &[Key::Code(C::Enter)], action: Action::Enter, hint: Both { en: "question", fr: "question" }, help: Both { en: "Open the question that assesses the selected control", fr: "Ouvrir la question qui évalue la mesure sélectionnée" } },
    // Roadmap.
    Binding { modes: &[M::Roadmap], keys: &[Key::Ch('o')], action: Action::SetOwner, hint: Both { en: "owner", fr: "responsable" }, help: Both { en: "Set the owner of the selected item", fr: "Désigner le ou la responsable de l'élément sélectionné" } },
    Binding { modes: &[M::Roadmap], keys: &[Key::Ch('s'), Key::Ch(' ')], action: Action::CycleStatus, hint: Both { en: "status", fr: "état" }, help: Both { en: "Next status: open, in progress, done", fr: "État suivant\u{a0}: ouvert, en cours, terminé" } },
    Binding { modes: &[M::Roadmap], keys: &[Key::Code(C::Enter)], action: Action::Enter, hint: Both { en: "question", fr: "question" }, help: Both { en: "Open the item's question (to re-score it once the work is done)", fr: "Ouvrir la question de l'élément (pour la coter de nouveau une fois le travail fait)" } },
    Binding { modes: &[M::Roadmap], keys: &[Key::Ch('t')], action: Action::SetRoadmapStart, hint: Both { en: "start date", fr: "date de début" }, help: Both { en: "Fix the roadmap's first day (otherwise today, and due dates move every day)", fr: "Fixer le premier jour de la feuille de route (sinon aujourd'hui, et les échéances se déplacent chaque jour)" } },
    // Targets.
    Binding { modes: &[M::Targets], keys: DIGITS, action: Action::Digit, hint: Both { en: "set", fr: "fixer" }, help: Both { en: "Set the selected domain's target level", fr: "Fixer le niveau cible du domaine sélectionné" } },
    Binding { modes: &[M::Targets], keys: &[Key::Code(C::Left), Key::Ch('-')], action: Action::Left, hint: Both { en: "lower", fr: "baisser" }, help: Both { en: "Lower the target", fr: "Baisser la cible" } },
    Binding { modes: &[M::Targets], keys: &[Key::Code(C::Right), Key::Ch('+')], action: Action::Right, hint: Both { en: "raise", fr: "hausser" }, help: Both { en: "Raise the target", fr: "Hausser la cible" } },
    Binding { modes: &[M::Targets], keys: &[Key::Ch('m')], action: Action::EditDomainNote, hint: Both { en: "note", fr: "note" }, help: Both { en: "Write the assessor's note on the selected domain, printed beside the report's domain table", fr: "Écrire la note de l'évaluation sur le domaine sélectionné, imprimée à côté du tableau des domaines du rapport" } },
    Binding { modes: &[M::NewForm], keys: &[Key::Code(C::Left)], action: Action::Left, hint: NONE, help: Both { en: "Cursor left; on a target: lower it", fr: "Curseur à gauche\u{202f}; sur une cible\u{a0}: la baisser" } },
    Binding { modes: &[M::NewForm], keys: &[Key::Code(C::Right)], action: Action::Right, hint: NONE, help: Both { en: "Cursor right; on a target: raise it", fr: "Curseur à droite\u{202f}; sur une cible\u{a0}: la hausser" } },
    // Export.
    Binding { modes: &[M::Export], keys: &[Key::Ch(' ')], action: Action::ToggleFormat, hint: Both { en: "toggle", fr: "choisir" }, help: Both { en: "Include or leave out the selected format", fr: "Inclure ou laisser de côté le format sélectionné" } },
    Binding { modes: &[M::Export], keys: &[Key::Ch('o')], action: Action::EditFolder, hint: Both { en: "folder", fr: "dossier" }, help: Both { en: "Change the folder the files are written to", fr: "Changer le dossier où les fichiers sont écrits" } },
    Binding { modes: &[M::Export], keys: &[Key::Ch('a')], action: Action::EditDetails, hint: Both { en: "details", fr: "détails" }, help: Both { en: "The assessment details screen: organisation, scope, assessors, language, document control, conclusion (Esc comes back here)", fr: "L'écran des détails de l'évaluation\u{a0}: organisme, domaine d'application, équipe d'évaluation, langue, maîtrise documentaire, conclusion (Échap ramène ici)" } },
    Binding { modes: &[M::Export], keys: &[Key::Ch('c')], action: Action::EditConclusion, hint: NONE, help: Both { en: "The details screen at the assessor's conclusion, printed in the report's executive summary", fr: "L'écran des détails, sur la conclusion de l'évaluation (imprimée dans le sommaire du rapport)" } },
    Binding { modes: &[M::Export], keys: &[Key::Ch('d')], action: Action::EditDocument, hint: NONE, help: Both { en: "The details screen at the report's document control: version, classification, author, approver, approval date", fr: "L'écran des détails, sur la maîtrise documentaire du rapport\u{a0}: version, classification, rédaction, approbation, date d'approbation" } },
    // Assessment details.
    Binding { modes: &[M::Details], keys: &[Key::Code(C::Enter), Key::Ch('e')], action: Action::Enter, hint: Both { en: "edit", fr: "modifier" }, help: Both { en: "Edit the selected field (saved when you press Enter in it)", fr: "Modifier le champ sélectionné (enregistré quand vous y appuyez sur Entrée)" } },
    Binding { modes: &[M::Details], keys: &[Key::Code(C::Esc)], action: Action::Back, hint: Both { en: "back", fr: "retour" }, help: Both { en: "Back to the screen the details were opened from (home when opened from there)", fr: "Revenir à l'écran d'où les détails ont été ouverts (l'accueil s'ils ont été ouverts de là)" } },
    Binding { modes: &[M::Export], keys: &[Key::Ch('w'), Key::Code(C::Enter)], action: Action::RunExport, hint: Both { en: "write", fr: "écrire" }, help: Both { en: "Write the chosen files", fr: "Écrire les fichiers choisis" } },
    // Yes / no.
    Binding { modes: &[M::Confirm], keys: &[Key::Ch('y'), Key::Ch('Y')], action: Action::Yes, hint: Both { en: "yes", fr: "oui" }, help: Both { en: "Yes", fr: "Oui" } },
    Binding { modes: &[M::Confirm], keys: &[Key::Ch('n'), Key::Ch('N'), Key::Code(C::Esc)], action: Action::No, hint: Both { en: "no", fr: "non" }, help: Both { en: "No (so does any other key)", fr: "Non (toute autre touche aussi)" } },
    // Text input.
    Binding { modes: &[M::Editor], keys: &[Key::Code(C::Esc), Key::Ctrl('s')], action: Action::Done, hint: Both { en: "done", fr: "terminer" }, help: Both { en: "Finish the note (it is saved as you type)", fr: "Terminer la note (elle est enregistrée au fil de la saisie)" } },
    Binding { modes: &[M::Editor], keys: &[Key::Code(C::Enter)], action: Action::Newline, hint: Both { en: "new line", fr: "nouvelle ligne" }, help: Both { en: "Start a new line", fr: "Commencer une nouvelle ligne" } },
    Binding { modes: &[M::Prompt], keys: &[Key::Code(C::Enter)], action: Action::Enter, hint: Both { en: "ok", fr: "valider" }, help: Both { en: "Accept", fr: "Valider" } },
    Binding { modes: &[M::Prompt, M::NewForm], keys: &[Key::Code(C::Esc)], action: Action::Back, hint: Both { en: "cancel", fr: "annuler" }, help: Both { en: "Cancel", fr: "Annuler" } },
    Binding { modes: TEXT, keys: &[Key::Code(C::Backspace)], action: Action::Backspace, hint: NONE, help: Both { en: "Delete the character before the cursor", fr: "Supprimer le caractère avant le curseur" } },
    Binding { modes: TEXT, keys: &[Key::Code(C::Delete), Key::Ctrl('d')], action: Action::DeleteChar, hint: NONE, help: Both { en: "Delete the character under the cursor", fr: "Supprimer le caractère sous le curseur" } },
    Binding { modes: &[M::Editor, M::Prompt], keys: &[Key::Code(C::Left)], action: Action::Left, hint: NONE, help: Both { en: "Cursor left", fr: "Curseur à gauche" } },
    Binding { modes: &[M::Editor, M::Prompt], keys: &[Key::Code(C::Right)], action: Action::Right, hint: NONE, help: Both { en: "Cursor right", fr: "Curseur à droite" } },
    Binding { modes: &[M::Editor, M::NewForm], keys: &[Key::Code(C::Up)], action: Action::Up, hint: NONE, help: Both { en: "Cursor up (previous field)", fr: "Curseur vers le haut (champ précédent)" } },
    Binding { modes: &[M::Editor, M::NewForm], keys: &[Key::Code(C::Down)], action: Action::Down, hint: NONE, help: Both { en: "Cursor down (next field)", fr: "Curseur vers le bas (champ suivant)" } },
    Binding { modes: TEXT, keys: &[Key::Code(C::Home), Key::Ctrl('a')], action: Action::First, hint: NONE, help: Both { en: "Start of the line", fr: "Début de la ligne" } },
    Binding { modes: TEXT, keys: &[Key::Code(C::End), Key::Ctrl('e')], action: Action::Last, hint: NONE, help: Both { en: "End of the line", fr: "Fin de la ligne" } },
    // Lists and moving around.
    Binding { modes: LISTS, keys: &[Key::Code(C::Up), Key::Ch('k')], action: Action::Up, hint: NONE, help: Both { en: "Up", fr: "Monter" } },
    Binding { modes: LISTS, keys: &[Key::Code(C::Down), Key::Ch('j')], action: Action::Down, hint: NONE, help: Both { en: "Down", fr: "Descendre" } },
    Binding { modes: &[M::Question], keys: &[Key::Code(C::Enter), Key::Ch(' ')], action: Action::Enter, hint: NONE, help: Both { en: "Score the highlighted level", fr: "Coter au niveau en surbrillance" } },
    Binding { modes: LISTS, keys: &[Key::Code(C::PageUp), Key::Ctrl('b')], action: Action::PageUp, hint: NONE, help: Both { en: "A page up", fr: "Une page vers le haut" } },
    Binding { modes: LISTS, keys: &[Key::Code(C::PageDown), Key::Ctrl('f')], action: Action::PageDown, hint: NONE, help: Both { en: "A page down", fr: "Une page vers le bas" } },
    Binding { modes: LISTS, keys: &[Key::Code(C::Home), Key::Ch('<')], action: Action::First, hint: NONE, help: Both { en: "First row", fr: "Première ligne" } },
    Binding { modes: LISTS, keys: &[Key::Code(C::End), Key::Ch('G'), Key::Ch('>')], action: Action::Last, hint: NONE, help: Both { en: "Last row", fr: "Dernière ligne" } },
    Binding { modes: SCREENS, keys: &[Key::Code(C::Tab)], action: Action::NextScreen, hint: Both { en: "screens", fr: "écrans" }, help: Both { en: "Next screen: question, overview, statement of applicability, results, roadmap, targets, export", fr: "Écran suivant\u{a0}: question, aperçu, déclaration d'applicabilité, résultats, feuille de route, cibles, exportation" } },
    Binding { modes: SCREENS, keys: &[Key::Code(C::BackTab)], action: Action::PrevScreen, hint: NONE, help: Both { en: "Previous screen", fr: "Écran précédent" } },
    Binding { modes: &[M::Help], keys: &[Key::Code(C::Esc), Key::Ch('?'), Key::Ch('q')], action: Action::Help, hint: Both { en: "close", fr: "fermer" }, help: Both { en: "Close this list", fr: "Fermer cette liste" } },
    Binding { modes: &[M::Notice], keys: &[Key::Code(C::Enter), Key::Code(C::Esc)], action: Action::Back, hint: Both { en: "close", fr: "fermer" }, help: Both { en: "Close this message", fr: "Fermer ce message" } },
    Binding { modes: SCREENS, keys: &[Key::Code(C::Esc)], action: Action::Back, hint: Both { en: "back", fr: "retour" }, help: Both { en: "Back (question → home; other screens → question)", fr: "Retour (question → accueil\u{202f}; autres écrans → question)" } },
    Binding { modes: COMMANDS, keys: &[Key::Ch('?')], action: Action::Help, hint: Both { en: "help", fr: "aide" }, help: Both { en: "Every key of this screen", fr: "Toutes les touches de cet écran" } },
    Binding { modes: COMMANDS, keys: &[Key::Ch('q')], action: Action::Quit, hint: Both { en: "quit", fr: "quitter" }, help: Both { en: "Quit (everything is already saved)", fr: "Quitter (tout est déjà enregistré)" } },
    // The interface's language, named in the language it switches to (as language
    // menus do); on Home and over the key list, which every screen reaches with `?`.
    // Last, so a narrow footer drops it before the others.
    Binding { modes: &[M::Home, M::Help], keys: &[Key::Ch('L')], action: Action::SwitchLang, hint: Both { en: "français", fr: "English" }, help: Both { en: "Switch the interface to French (reports stay in each assessment's language)", fr: "Passer l'interface en anglais (les rapports restent dans la langue de chaque évaluation)" } },
    Binding { modes: ALL, keys: &[Key::Ctrl('c')], action: Action::Quit, hint: NONE, help: Both { en: "Quit (everything is already saved)", fr: "Quitter (tout est déjà enregistré)" } },
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

/// Every footer hint and help line of the keymap as catalogue entries, beside
/// [`crate::locale::every_text`] for the checks that no English is left on a French screen.
pub fn catalogue_entries() -> Vec<crate::locale::CatalogueEntry> {
    KEYMAP
        .iter()
        .flat_map(|b| {
            [("hint", b.hint), ("help", b.help)].map(|(part, words)| {
                crate::locale::CatalogueEntry {
                    name: format!("keymap {:?} {part}", b.action),
                    en: words.en,
                    fr: words.fr,
                }
            })
        })
        .collect()
}

/// The footer hints of `mode` in `lang`: (key, hint) pairs. The footer is short on
/// room, so it names the first key of each binding (`1-5` for a run of digits); the
/// help screen lists them all.
pub fn footer(mode: Mode, lang: Lang) -> Vec<Hint> {
    bindings(mode)
        .filter(|b| !b.hint.en.is_empty())
        .map(|b| Hint {
            keys: if b.keys == DIGITS {
                b.keys_label(lang)
            } else {
                b.keys.first().map(|k| k.label(lang)).unwrap_or_default()
            },
            hint: lang.t(b.hint),
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
    /// The word beside it ("quit"), in the footer's language.
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
        let f = footer(Mode::Question, Lang::En);
        assert_eq!((f[0].keys.as_str(), f[0].hint), ("1-5", "score"));
        assert!(
            f.iter()
                .any(|h| h.keys == "?" && h.hint == "help" && h.action == Action::Help)
        );
        assert!(f.iter().any(|h| h.keys == "/" && h.hint == "search"));
    }

    #[test]
    fn every_binding_has_its_french() {
        for b in KEYMAP {
            assert!(
                b.hint.en.is_empty() == b.hint.fr.is_empty(),
                "{:?}: the footer hint {:?} has no French (or only French)",
                b.action,
                b.hint.en
            );
            assert!(
                !b.help.en.trim().is_empty() && !b.help.fr.trim().is_empty(),
                "{:?}: the help line {:?} has no French",
                b.action,
                b.help.en
            );
            for words in [b.hint.fr, b.help.fr] {
                let problems = crate::locale::french_typography_problems(words);
                assert!(problems.is_empty(), "{:?}: {problems:?}", b.action);
            }
        }
    }

    /// Words that are the same in both languages.
    const SAME_IN_BOTH: &[&str] = &["question", "note", "vote"];

    #[test]
    fn no_french_footer_has_an_english_hint() {
        let english: Vec<&str> = KEYMAP
            .iter()
            .map(|b| b.hint.en)
            .filter(|h| !h.is_empty() && !SAME_IN_BOTH.contains(h))
            .collect();
        for mode in ALL {
            for hint in footer(*mode, Lang::Fr) {
                assert!(
                    !english.contains(&hint.hint),
                    "{mode:?}: {:?} is English",
                    hint.hint
                );
                for word in [
                    "Enter", "Esc", "Space", "Del", "PgUp", "PgDn", "S-Tab", "Bksp",
                ] {
                    assert_ne!(hint.keys, word, "{mode:?}: the key {word} is not in French");
                }
            }
            let french = footer(*mode, Lang::Fr);
            let english_footer = footer(*mode, Lang::En);
            assert_eq!(
                french.iter().map(|h| h.action).collect::<Vec<_>>(),
                english_footer.iter().map(|h| h.action).collect::<Vec<_>>(),
                "{mode:?}: the same hints in both languages"
            );
        }
    }

    #[test]
    fn french_names_the_keys_in_french() {
        assert_eq!(Key::Code(KeyCode::Enter).label(Lang::Fr), "Entrée");
        assert_eq!(Key::Code(KeyCode::Esc).label(Lang::Fr), "Échap");
        assert_eq!(Key::Ch(' ').label(Lang::Fr), "Espace");
        assert_eq!(Key::Ctrl('s').label(Lang::Fr), "Ctrl-S");
        assert_eq!(Key::Code(KeyCode::Enter).label(Lang::En), "Enter");
        let home_end = KEYMAP
            .iter()
            .find(|b| b.modes.contains(&Mode::Home) && b.action == Action::Last)
            .map(|b| b.keys_label(Lang::Fr));
        assert_eq!(home_end.as_deref(), Some("Fin/G/>"));
    }

    #[test]
    fn l_switches_the_language_on_home_and_over_the_key_list() {
        let l = KeyEvent::new(KeyCode::Char('L'), KeyModifiers::SHIFT);
        for mode in [Mode::Home, Mode::Help] {
            assert_eq!(resolve(&l, mode), Some(Msg::Act(Action::SwitchLang)));
        }
        // Elsewhere `L` keeps its own meaning, or none.
        assert_eq!(
            resolve(&l, Mode::Checklist),
            Some(Msg::Act(Action::LinkToQuestion))
        );
        assert_eq!(resolve(&l, Mode::Editor), Some(Msg::Input('L')));
    }
}
