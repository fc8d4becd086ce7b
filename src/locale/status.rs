//! The status lines, notices and confirmations the app writes while a person works (saving, opening, answering, editing, exporting).
//!
//! Entries: `Key => "English", "French";` with a `///` line saying where the text
//! appears; placeholders are named (`{name}`), the same in both languages.
//!
//! French: N/A is « S. O. » (sans objet, as in the README's glossary; a no-break space
//! inside, so a wrapped status line never splits it); keys keep the names the footer
//! shows (« Entrée », « Échap », « Espace », « Tab »); a control is a « mesure »
//! (feminine: « Mesure A.6.2.8 exclue »).

use super::catalog::catalogue;

catalogue! {
    StatusText;
    /// Status line after opening an assessment with an organisation name.
    Opened => "Opened {name}. Every change is saved at once.",
        "Évaluation {name} ouverte. Chaque modification est enregistrée aussitôt.";
    /// Status line after opening an assessment with no organisation name.
    OpenedUnnamed => "Opened the assessment. Every change is saved at once.",
        "Évaluation ouverte. Chaque modification est enregistrée aussitôt.";
    /// Warning when a save failed; the reason follows the colon.
    NotSaved => "Not saved: {message}. Your answers are kept here and saved again on the next change.",
        "Non enregistré\u{a0}: {message}. Vos réponses sont conservées ici et seront enregistrées à la prochaine modification.";
    /// Status line after a save (the editor closed, or a failed save now succeeded).
    Saved => "Saved.", "Enregistré.";
    /// Status line after deleting an assessment from the home screen.
    MovedToTrash => "Moved to the trash folder of the data directory.",
        "Évaluation déplacée dans la corbeille du dossier de données.";
    /// Status line after answering no to a confirmation.
    NothingChanged => "Nothing was changed.", "Rien n'a été modifié.";
    /// Home: a damaged assessment cannot start a next round.
    CannotNextRound => "This assessment cannot be read, so it cannot start a next round.",
        "Cette évaluation est illisible\u{a0}: elle ne peut pas servir de départ à un nouveau cycle.";
    /// Question screen: a digit during a workshop.
    WorkshopLevelFromVotes => "In a workshop the level comes from the votes: w opens Voting (o there overrides, with a reason).",
        "En atelier, le niveau vient des votes\u{a0}: w ouvre le vote (o y modifie le résultat, motif à l'appui).";
    /// Question screen: a digit on a question whose controls are all excluded (a opens
    /// the statement at them).
    ExcludedByControls => "Every control of this question is excluded, so it is N/A: include one in the statement (a) to score it.",
        "Toutes les mesures de cette question sont exclues, elle est donc S.\u{a0}O.\u{a0}: incluez-en une dans la déclaration d'applicabilité (a) pour la coter.";
    /// Question screen: Enter on an unanswered question with no level picked.
    PressToScore => "Press 1-5 to score this question, or ↑/↓ to pick a level, then Enter.",
        "Appuyez sur 1 à 5 pour coter cette question, ou choisissez un niveau avec ↑/↓, puis Entrée.";
    /// Question screen: the level was cleared.
    LevelCleared => "Level cleared.", "Niveau effacé.";
    /// Question screen: no unanswered question is left.
    AllAnswered => "Every question is answered. See the results (Tab).",
        "Toutes les questions ont une réponse. Consultez les résultats (Tab).";
    /// Question screen: c on an answer that is not marked to re-check.
    NothingToConfirm => "Nothing to confirm: this answer is not marked to re-check.",
        "Rien à confirmer\u{a0}: cette réponse n'est pas marquée à revérifier.";
    /// Question screen: a carried-over answer confirmed.
    AnswerConfirmed => "Answer confirmed.", "Réponse confirmée.";
    /// Question screen: N/A on a question that assesses Annex A controls (French says
    /// where x excludes: on the question screen x clears the level).
    NaMeansExcluding => "N/A on an Annex A question means excluding its controls: exclude each with x and say why.",
        "S.\u{a0}O. sur une question de l'annexe A signifie exclure ses mesures\u{a0}: dans la déclaration d'applicabilité (a), excluez chacune avec x et justifiez-la.";
    /// Question screen: N/A refused.
    CannotBeNa => "This question cannot be N/A: only Annex A controls may be excluded.",
        "Cette question ne peut pas être S.\u{a0}O.\u{a0}: seules les mesures de l'annexe A peuvent être exclues.";
    /// Question screen: N/A set, the note editor opens for its justification.
    NaWriteWhy => "N/A: write in the note why this does not apply (required).",
        "S.\u{a0}O.\u{a0}: expliquez dans la note pourquoi cela ne s'applique pas (obligatoire).";
    /// Question screen: N/A set on a question that already has its justification.
    MarkedNa => "Marked N/A.", "Question marquée S.\u{a0}O.";
    /// Question screen: N/A removed.
    NaRemoved => "N/A removed.", "S.\u{a0}O. retiré.";
    /// Editor: a paste longer than the editor holds.
    PasteCut => "The paste was too long and was cut at 64 KB.",
        "Le texte collé était trop long et a été coupé à 64 Ko.";
    /// Editor closed on an N/A answer that still has no justification.
    NaNeedsNoteBeforeMoving => "N/A needs a justification before moving on: press e to write it.",
        "S.\u{a0}O. exige une justification avant de continuer\u{a0}: appuyez sur e pour l'écrire.";
    /// Leaving a question answered N/A without a justification.
    NaNeedsNote => "N/A needs a justification: write in the note why this does not apply.",
        "S.\u{a0}O. exige une justification\u{a0}: expliquez dans la note pourquoi cela ne s'applique pas.";
    /// Go-to prompt: the number typed is not a question.
    JumpRange => "Type a question number from 1 to {n}.",
        "Saisissez un numéro de question de 1 à {n}.";
    /// Find prompt: where the text was found.
    Found => "Found \"{text}\" in {id}.", "«\u{a0}{text}\u{a0}» trouvé dans {id}.";
    /// Find prompt: nothing found.
    NotFound => "No question contains \"{text}\".",
        "Aucune question ne contient «\u{a0}{text}\u{a0}».";
    /// Evidence prompt: the file is being hashed.
    AddingEvidence => "Adding the evidence…", "Ajout de la preuve…";
    /// Roadmap or Statement of Applicability: an owner saved.
    OwnerSaved => "Owner saved.", "Responsable enregistré.";
    /// Roadmap: the start date typed is not a date.
    NotADate => "\"{text}\" is not a date: type it as YYYY-MM-DD, for example 2027-01-04.",
        "«\u{a0}{text}\u{a0}» n'est pas une date\u{a0}: saisissez-la sous la forme AAAA-MM-JJ, par exemple 2027-01-04.";
    /// Roadmap: a fixed start date (an ISO date).
    RoadmapStartsOn => "The roadmap starts on {date}; due dates no longer move.",
        "La feuille de route commence le {date}\u{202f}; les échéances ne bougent plus.";
    /// Roadmap: no fixed start date.
    RoadmapStartsToday => "The roadmap starts today, whenever it is shown.",
        "La feuille de route commence aujourd'hui, chaque fois qu'elle est affichée.";
    /// Roadmap: an item marked done.
    MarkedDone => "{id} marked done; its gap counts until it is re-scored: Enter opens the question.",
        "{id} marqué comme terminé\u{202f}; l'écart compte tant que la question n'est pas cotée de nouveau\u{a0}: Entrée l'ouvre.";
    /// Overview: the filter now shown.
    Showing => "Showing {filter}.", "Affichage\u{a0}: {filter}.";
    /// Export: no format chosen.
    ChooseFormat => "Choose at least one format (Space).",
        "Choisissez au moins un format (Espace).";
    /// Export: the files are being written.
    Writing => "Writing…", "Écriture…";
    /// Export: every file written.
    Written => "{written} written.", "Fichiers écrits\u{a0}: {written}.";
    /// Export: some files not written.
    WrittenSome => "{written} written, {failed} not written (see below).",
        "Fichiers écrits\u{a0}: {written}, non écrits\u{a0}: {failed} (voir ci-dessous).";
    /// Export: why a format wrote no file.
    NothingWritten => "nothing was written", "rien n'a été écrit";
    /// Statement of Applicability: a question with no control.
    NoControl => "This question assesses no Annex A control.",
        "Cette question n'évalue aucune mesure de l'annexe A.";
    /// Statement of Applicability: a control included or excluded, with its justification.
    ControlDecided => "{id} {decision}.", "Mesure {id} {decision}.";
    /// Statement of Applicability: a control included without a justification.
    IncludedSayWhy => "{id} included: say why (Esc to leave it for later).",
        "Mesure {id} incluse\u{a0}: justifiez-la (Échap pour le faire plus tard).";
    /// Statement of Applicability: a control excluded without a justification.
    ExcludedNeedsWhy => "{id} excluded: an exclusion needs a justification.",
        "Mesure {id} exclue\u{a0}: une exclusion exige une justification.";
    /// Statement of Applicability: a control's implementation changed.
    ImplementationSet => "{id}: {state}.", "Mesure {id}\u{a0}: {state}.";
    /// Statement of Applicability: the implementation of an excluded control; the key
    /// that includes it follows the reason.
    IncludeFirst => "{error} (i).", "{error} (i).";
    /// Statement of Applicability: a justification saved.
    JustificationSaved => "Justification saved.", "Justification enregistrée.";
    /// Checklist: the question has no checks.
    NoChecks => "This question has no checks in its questionnaire.",
        "Cette question n'a aucun point de vérification dans son questionnaire.";
    /// Evidence could not be added; the reason follows.
    EvidenceNotAdded => "Evidence not added: {reason}", "Preuve non ajoutée\u{a0}: {reason}";
    /// Evidence added: a link or a record.
    EvidenceAdded => "{id} added.", "Preuve {id} ajoutée.";
    /// Evidence added: a file, with the start of its fingerprint.
    EvidenceAddedHash => "{id} added, SHA-256 {hash}….", "Preuve {id} ajoutée, SHA-256 {hash}….";
    /// Register picker: nothing to pick.
    RegisterEmpty => "The evidence register is empty: press a to add a file or a link.",
        "Le registre des preuves est vide\u{a0}: appuyez sur a pour ajouter un fichier ou un lien.";
    /// Register: nothing to re-hash.
    NoFileInRegister => "No file in the register: links and records have nothing to re-hash.",
        "Aucun fichier dans le registre\u{a0}: les liens et les enregistrements n'ont pas d'empreinte à recalculer.";
    /// Register: one file is being re-hashed.
    CheckingOne => "Checking {count} file…", "Vérification de {count} fichier…";
    /// Register: several files are being re-hashed.
    CheckingMany => "Checking {count} files…", "Vérification de {count} fichiers…";
    /// Register: the one file is unchanged.
    FileUnchanged => "The file is unchanged since it was added.",
        "Le fichier n'a pas changé depuis son ajout.";
    /// Register: every file is unchanged.
    AllFilesUnchanged => "All {total} files are unchanged since they were added.",
        "Les {total} fichiers n'ont pas changé depuis leur ajout.";
    /// Register: one file changed or missing.
    FilesChangedOne => "{changed} of {total} files changed or missing since they were added.",
        "{changed} fichier sur {total} a changé ou est introuvable depuis son ajout.";
    /// Register: several files changed or missing.
    FilesChangedMany => "{changed} of {total} files changed or missing since they were added.",
        "{changed} fichiers sur {total} ont changé ou sont introuvables depuis leur ajout.";
    /// Register picker: evidence linked to a question or a check.
    Linked => "{id} linked to {target}.", "Preuve {id} liée à {target}.";
    /// Register picker: the link was refused; the reason follows.
    EvidenceNotLinked => "Evidence not linked: {reason}", "Preuve non liée\u{a0}: {reason}";
    /// Register: Enter on an item no question uses.
    NoQuestionUses => "No question uses this item yet.",
        "Aucune question n'utilise encore cette preuve.";
    /// Opening failed: another process holds the file's lock.
    InUse => "{name} is in use by another aims-readiness process; close it there first.",
        "{name} est ouvert dans un autre processus aims-readiness\u{202f}; fermez-le d'abord dans ce processus.";
    /// Opening failed: another process, whose id is known, holds the file's lock.
    InUsePid => "{name} is in use by another aims-readiness process (pid {pid}); close it there first.",
        "{name} est ouvert dans un autre processus aims-readiness (pid {pid})\u{202f}; fermez-le d'abord dans ce processus.";
    /// Prompt label: go to a question.
    PromptJumpTo => "Go to question number", "Aller à la question numéro";
    /// Prompt label: find text in questions.
    PromptSearch => "Find", "Rechercher";
    /// Prompt label: a roadmap item's owner.
    PromptOwner => "Owner", "Responsable";
    /// Prompt label: the export folder.
    PromptFolder => "Export folder", "Dossier d'exportation";
    /// Prompt label: why a question goes to the parking lot.
    PromptParkReason => "Parking lot: reason (optional, Enter to park)",
        "Mise en suspens\u{a0}: motif (facultatif, Entrée pour valider)";
    /// Prompt label: a new participant.
    PromptAddParticipant => "New participant's name", "Nom de la nouvelle personne participante";
    /// Prompt label: rename a participant.
    PromptRenameParticipant => "Rename participant", "Renommer la personne participante";
    /// Prompt label: a note attributed to a participant.
    PromptParticipantNote => "Note by participant", "Note de la personne participante";
    /// Prompt label: the time per question (French shorter: a prompt title holds 66
    /// characters at 80 columns; the same for the other prompt labels).
    PromptTimebox => "Time per question (typing replaces it: 90, 90m, 2:30, 1h30; at most 12 h)",
        "Temps par question (p. ex. 90, 90m, 2:30, 1h30\u{202f}; 12 h au plus)";
    /// Prompt label: why the room overrode the votes.
    PromptOverrideReason => "Why did the room decide otherwise? (optional)",
        "Pourquoi le groupe a-t-il décidé autrement\u{202f}? (facultatif)";
    /// Prompt label: who follows up a parked question.
    PromptParkOwner => "Parking lot: who follows it up? (optional)",
        "Mise en suspens\u{a0}: qui en assure le suivi\u{202f}? (facultatif)";
    /// Prompt label: when a parked question is due.
    PromptParkDue => "Parking lot: due by (YYYY-MM-DD or days, e.g. 14; optional)",
        "Échéance du suivi (AAAA-MM-JJ ou jours, p. ex. 14\u{202f}; facultatif)";
    /// Prompt label: the roadmap's first day.
    PromptRoadmapStart => "Roadmap starts on (YYYY-MM-DD; empty: today, moving)",
        "Début de la feuille de route (AAAA-MM-JJ\u{202f}; vide\u{a0}: aujourd'hui)";
    /// Prompt label: a control's justification.
    PromptJustification => "Justification (why included or excluded)",
        "Justification (pourquoi incluse ou exclue)";
    /// Prompt label: a control's owner.
    PromptControlOwner => "Control owner", "Responsable de la mesure";
    /// Prompt label: the assessor's conclusion.
    PromptConclusion => "Assessor's conclusion (printed in the executive summary)",
        "Conclusion de l'évaluation (imprimée dans le sommaire)";
    /// Prompt label: the organisation.
    PromptOrganisation => "Organisation", "Organisme";
    /// Prompt label: the scope.
    PromptScope => "Scope of the AI management system", "Domaine d'application du SMIA";
    /// Prompt label: the assessors.
    PromptAssessors => "Assessors, separated by commas",
        "Équipe d'évaluation (noms séparés par des virgules)";
    /// Prompt label: the report's version.
    PromptReportVersion => "Report version", "Version du rapport";
    /// Prompt label: the report's classification.
    PromptClassification => "Classification", "Classification";
    /// Prompt label: the report's author.
    PromptAuthor => "Author", "Rédigé par";
    /// Prompt label: the report's approver.
    PromptApprover => "Approver", "Approuvé par";
    /// Prompt label: the approval date.
    PromptApproved => "Approved on (YYYY-MM-DD; empty: not yet)",
        "Approuvé le (AAAA-MM-JJ\u{202f}; vide\u{a0}: pas encore)";
    /// Prompt label: the assessor's note on a domain.
    PromptDomainNote => "Assessor's note on this domain", "Note d'évaluation sur ce domaine";
    /// Prompt label: evidence for a whole question (French kept short: it is the
    /// title of a box 70 columns wide at 80×24, 66 characters at most; the help line
    /// of A says the file is never copied).
    PromptEvidenceQuestion => "Evidence for the whole question: a file path (hashed, never copied) or an https:// link",
        "Preuve de la question\u{a0}: fichier (empreinte) ou lien https://";
    /// Prompt label: evidence for one check (French kept short, as above).
    PromptEvidenceCheck => "Evidence for this check: a file path (hashed, never copied) or an https:// link",
        "Preuve de ce point\u{a0}: fichier (empreinte) ou lien https://";
    /// Notice title: what a migration changed.
    MigratedTitle => "What changed in the questionnaire", "Ce qui a changé dans le questionnaire";
    /// Notice: the versions before and after a migration.
    MigratedVersions => "This assessment was made with questionnaire {questionnaire} version {from}; it now answers version {to}.",
        "Cette évaluation a été faite avec le questionnaire {questionnaire}, version {from}\u{202f}; elle répond maintenant à la version {to}.";
    /// Notice: where the file as it was is kept.
    MigratedCopy => "The file as it was is kept at {path}.",
        "Le fichier d'origine est conservé sous {path}.";
    /// Notice: one answer carried over.
    MigratedCarriedOne => "{count} answer carried over unchanged.",
        "{count} réponse reprise telle quelle.";
    /// Notice: several answers carried over (French: 0 is singular).
    MigratedCarriedMany => "{count} answers carried over unchanged.",
        "{count} réponses reprises telles quelles.";
    /// Notice: an old question split into several.
    MigratedSplit => "{id} was split; each part has its answer:",
        "{id} a été scindée\u{202f}; chaque partie a reçu sa réponse\u{a0}:";
    /// Notice: the answers to re-check follow.
    MigratedRecheck => "To re-check (marked on the question screen; press c there to confirm, or answer again):",
        "À revérifier (marquées sur l'écran de la question\u{202f}; appuyez sur c pour confirmer, ou répondez de nouveau)\u{a0}:";
    /// Notice: questions no longer asked.
    MigratedRetired => "No longer asked, answers kept in the file under retired_answers: {ids}",
        "Questions retirées, réponses conservées dans le fichier sous retired_answers\u{a0}: {ids}";
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::locale::Lang;

    /// A prompt's label is the title of a box 70 columns wide at 80×24: 66 characters
    /// at most, or the title is cut mid-word. The French is kept within it.
    #[test]
    fn french_prompt_labels_fit_their_box_at_80_columns() {
        for label in [
            StatusText::PromptJumpTo,
            StatusText::PromptSearch,
            StatusText::PromptOwner,
            StatusText::PromptFolder,
            StatusText::PromptParkReason,
            StatusText::PromptAddParticipant,
            StatusText::PromptRenameParticipant,
            StatusText::PromptParticipantNote,
            StatusText::PromptTimebox,
            StatusText::PromptOverrideReason,
            StatusText::PromptParkOwner,
            StatusText::PromptParkDue,
            StatusText::PromptRoadmapStart,
            StatusText::PromptJustification,
            StatusText::PromptControlOwner,
            StatusText::PromptConclusion,
            StatusText::PromptOrganisation,
            StatusText::PromptScope,
            StatusText::PromptAssessors,
            StatusText::PromptReportVersion,
            StatusText::PromptClassification,
            StatusText::PromptAuthor,
            StatusText::PromptApprover,
            StatusText::PromptApproved,
            StatusText::PromptDomainNote,
            StatusText::PromptEvidenceQuestion,
            StatusText::PromptEvidenceCheck,
        ] {
            let words = Lang::Fr.t(label);
            assert!(
                crate::text::str_width(words) <= 66,
                "{words:?} is {} columns wide",
                crate::text::str_width(words)
            );
        }
    }
}
