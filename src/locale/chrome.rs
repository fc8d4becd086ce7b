//! The frame around every screen: the header and its tabs, screen titles, the footer, the help screen, prompts, confirmations and the too-small message.
//!
//! Entries: `Key => "English", "French";` with a `///` line saying where the text
//! appears; placeholders are named (`{name}`), the same in both languages.

use super::catalog::catalogue;

catalogue! {
    ChromeText;
    /// Tab and header: the list of saved assessments.
    TabHome => "Home", "Accueil";
    /// Tab and header: the new-assessment form.
    TabNew => "New assessment", "Nouvelle évaluation";
    /// Tab: the question screen.
    TabQuestion => "Question", "Question";
    /// Tab: all questions by domain.
    TabOverview => "Overview", "Aperçu";
    /// Tab: scores, verdict, radar.
    TabResults => "Results", "Résultats";
    /// Tab: the roadmap. « Feuille de route » does not fit beside the other tabs and
    /// the organisation at 80 columns; the screen's own title says it in full.
    TabRoadmap => "Roadmap", "Plan";
    /// Tab: the target level per domain.
    TabTargets => "Targets", "Cibles";
    /// Tab: writing the report files (French « Export », short for the tab bar at 80
    /// columns; the help screen and the prompts say « exportation »).
    TabExport => "Export", "Export";
    /// Tab: workshop voting.
    TabVoting => "Voting", "Vote";
    /// Tab: the Statement of Applicability (« DdA », as French ISMS practice writes it;
    /// the screen's own title says it in full).
    TabSoa => "SoA", "DdA";
    /// Tab: the assessment's details.
    TabDetails => "Details", "Détails";
    /// Tab: the evidence register.
    TabEvidence => "Evidence", "Preuves";
    /// Header: an assessment with no organisation name.
    NoOrganisation => "(no organisation)", "(organisme non précisé)";
    /// Help screen title: the list of saved assessments.
    ModeHome => "Home", "Accueil";
    /// Help screen title: the new-assessment form.
    ModeNewForm => "New assessment", "Nouvelle évaluation";
    /// Help screen title: answering one question.
    ModeQuestion => "Question", "Question";
    /// Help screen title: the note and evidence editor.
    ModeEditor => "Note and evidence editor", "Éditeur de note et de preuves";
    /// Help screen title: a one-line prompt.
    ModePrompt => "Prompt", "Saisie";
    /// Help screen title: a yes/no question.
    ModeConfirm => "Yes or no", "Oui ou non";
    /// Help screen title: all questions by domain.
    ModeOverview => "Overview", "Aperçu";
    /// Help screen title: scores, verdict, radar.
    ModeResults => "Results", "Résultats";
    /// Help screen title: the roadmap.
    ModeRoadmap => "Roadmap", "Feuille de route";
    /// Help screen title: target levels.
    ModeTargets => "Targets", "Cibles";
    /// Help screen title: exports.
    ModeExport => "Export", "Exportation";
    /// Help screen title: the key list itself.
    ModeHelp => "Help", "Aide";
    /// Help screen title: a message over the screen.
    ModeNotice => "Message", "Message";
    /// Help screen title: workshop voting.
    ModeVoting => "Voting", "Vote";
    /// Help screen title: the presenter view.
    ModePresenter => "Presenter view", "Vue de présentation";
    /// Help screen title: overriding the consensus.
    ModeOverride => "Override the consensus", "Modifier le consensus";
    /// Help screen title: the Statement of Applicability.
    ModeSoa => "Statement of Applicability", "Déclaration d'applicabilité";
    /// Help screen title: the question's yes/no checks.
    ModeChecklist => "Checklist", "Points de vérification";
    /// Help screen title: the assessment's details.
    ModeDetails => "Assessment details", "Détails de l'évaluation";
    /// Help screen title: the discussion agenda.
    ModeAgenda => "Agenda", "Ordre du jour";
    /// Help screen title: the evidence register.
    ModeRegister => "Evidence register", "Registre des preuves";
    /// Help screen title: the register as a picker.
    ModeRegisterPick => "Link evidence from the register", "Lier une preuve du registre";
    /// The help screen's title: "Keys — Question (1–20 of 31, ↑↓) (Esc to close)".
    HelpTitle => "Keys — {mode}{range} (Esc to close)", "Touches — {mode}{range} (Échap pour fermer)";
    /// A list title's counter when not all items fit: " (3–17 of 48, ↑↓)".
    ShownRange => " ({first}–{last} of {total}, ↑↓)", " ({first}–{last} sur {total}, ↑↓)";
    /// A list title's counter when the window shows none of the items.
    ShownNone => " (0 of {total} shown: a taller window shows them)",
        " (0 sur {total} affichés\u{a0}: une fenêtre plus haute les affiche)";
    /// Instead of the app, in a window below the minimum size.
    TooSmall => "Please make the window larger (at least {min_width}×{min_height}; now {width}×{height}).",
        "Veuillez agrandir la fenêtre (au moins {min_width}×{min_height}\u{202f}; actuellement {width}×{height}).";
    /// The title of a yes/no question.
    ConfirmTitle => "Please confirm", "Veuillez confirmer";
    /// Yes/no: delete an assessment.
    ConfirmDelete => "Delete {name} and its backup? Both are moved to the trash folder of the data directory.",
        "Supprimer {name} et sa copie de sauvegarde\u{202f}? Les deux fichiers sont déplacés dans la corbeille du dossier de données.";
    /// Yes/no: one export file already exists.
    ConfirmReplaceOne => "{files} already exists in the folder. Replace it?",
        "{files} existe déjà dans le dossier. Le remplacer\u{202f}?";
    /// Yes/no: several export files already exist.
    ConfirmReplaceMany => "{files} already exist in the folder. Replace them?",
        "{files} existent déjà dans le dossier. Les remplacer\u{202f}?";
    /// Yes/no: remove a participant who has one vote (French: also none).
    ConfirmRemoveParticipantOne => "Remove {name} as added by mistake, with their {votes} vote? Their notes stay. Someone who left the room keeps their votes: press n, then x instead.",
        "Retirer {name} (ajout par erreur) avec {votes} vote\u{202f}? Ses notes restent. Une personne qui a quitté la séance garde ses votes\u{a0}: appuyez plutôt sur n, puis sur x.";
    /// Yes/no: remove a participant who has several votes.
    ConfirmRemoveParticipantMany => "Remove {name} as added by mistake, with their {votes} votes? Their notes stay. Someone who left the room keeps their votes: press n, then x instead.",
        "Retirer {name} (ajout par erreur) avec ses {votes} votes\u{202f}? Ses notes restent. Une personne qui a quitté la séance garde ses votes\u{a0}: appuyez plutôt sur n, puis sur x.";
    /// Yes/no: confirm one unanimous proposal.
    ConfirmUnanimousOne => "Confirm the {count} proposal on which every vote agrees ({questions})?",
        "Confirmer {count} proposition sur laquelle tous les votes concordent ({questions})\u{202f}?";
    /// Yes/no: confirm several unanimous proposals.
    ConfirmUnanimousMany => "Confirm the {count} proposals on which every vote agrees ({questions})?",
        "Confirmer les {count} propositions sur lesquelles tous les votes concordent ({questions})\u{202f}?";
    /// Yes/no: remove a follow-up flag that has no reason.
    ConfirmRemoveFlag => "Remove the follow-up flag from {question}?",
        "Retirer le signalement pour suivi de {question}\u{202f}?";
    /// Yes/no: remove a follow-up flag and its reason.
    ConfirmRemoveFlagReason => "Remove the follow-up flag from {question} and its reason \"{reason}\"?",
        "Retirer le signalement pour suivi de {question} et son motif «\u{a0}{reason}\u{a0}»\u{202f}?";
    /// The last line of a message over the screen; the keys are drawn as keys.
    NoticeCloses => "{enter} or {esc} closes", "{enter} ou {esc}\u{a0}: fermer";
    /// A message's title when it scrolls.
    NoticeScrolls => "{title} (↑↓ scroll)", "{title} (↑↓ défiler)";
    /// A language's name inside a sentence: English.
    LanguageEnglish => "English", "anglais";
    /// A language's name inside a sentence: French.
    LanguageFrench => "French", "français";
    /// Status after switching the interface's language, with no assessment open.
    SwitchedLanguage => "Interface in English. New assessments write their reports in English (the details screen changes it).",
        "Interface en français. Les nouvelles évaluations produisent leurs rapports en français (modifiable à l'écran des détails).";
    /// Status after switching the interface's language, with an assessment open.
    SwitchedLanguageReport => "Interface in English. The report stays in the assessment's language: {language} (the details screen changes it).",
        "Interface en français. Le rapport reste dans la langue de l'évaluation\u{a0}: {language} (modifiable à l'écran des détails).";
}
