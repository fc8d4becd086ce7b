//! The homework workbook (xlsx) a participant without the app fills in, and why a
//! workbook, a CSV file or one of their cells was refused.
//!
//! Entries: `Key => "English", "French";` with a `///` line saying where the text
//! appears; placeholders are named (`{name}`), the same in both languages. N/A is
//! « S. O. » (sans objet) in French, in the drop-down too: the reader accepts both.

use super::catalog::catalogue;

catalogue! {
    HomeworkText;
    /// Workbook, Instructions sheet: the title (A1).
    Title => "ISO/IEC 42001 readiness: your homework",
        "Préparation à la certification ISO/IEC 42001\u{a0}: votre questionnaire à remplir";
    /// Workbook, Instructions sheet: label of the assessment row.
    LabelAssessment => "Assessment", "Évaluation";
    /// Workbook, Instructions sheet: label of the questionnaire row.
    LabelQuestionnaire => "Questionnaire", "Questionnaire";
    /// Workbook, Instructions sheet: the questionnaire's title and version.
    QuestionnaireVersion => "{title} (version {version})", "{title} (version {version})";
    /// Workbook, Instructions sheet: label of the participant's name cell.
    LabelName => "Your name", "Votre nom";
    /// Workbook, under the name cell, when the workbook was made for a person.
    NameHintFor => "Correct it if this workbook was meant for somebody else: your answers count under this name.",
        "Corrigez-le si ce classeur était destiné à une autre personne\u{a0}: vos réponses sont comptées sous ce nom.";
    /// Workbook, under the name cell, when one workbook is for everybody.
    NameHintType => "Type your name: your answers count under this name.",
        "Inscrivez votre nom\u{a0}: vos réponses sont comptées sous ce nom.";
    /// Workbook, Instructions sheet: label of the steps.
    LabelSteps => "What to do", "Marche à suivre";
    /// Workbook, step 1.
    Step1 => "Open the \"Questions\" sheet: one row per question of the readiness assessment.",
        "Ouvrez la feuille «\u{a0}Questions\u{a0}»\u{a0}: une ligne par question de l'évaluation de l'état de préparation.";
    /// Workbook, step 2.
    Step2 => "Read the question, then the five level descriptions further right (levels 1 to 5, from \"hardly started\" to \"fully working and improving\"); the first columns stay in view while you scroll.",
        "Lisez la question, puis les cinq descriptions de niveau plus à droite (niveaux 1 à 5, de «\u{a0}à peine amorcé\u{a0}» à «\u{a0}pleinement en place et en amélioration\u{a0}»)\u{202f}; les premières colonnes restent visibles pendant le défilement.";
    /// Workbook, step 3.
    Step3 => "In the yellow \"Your level\" cell, pick the level that describes your organisation today from the drop-down list. Pick N/A only where the list offers it and the topic does not apply to you. Leave it blank if you do not know: a blank casts no vote.",
        "Dans la cellule jaune «\u{a0}Votre niveau\u{a0}», choisissez dans la liste déroulante le niveau qui décrit votre organisme aujourd'hui. Ne choisissez S.\u{a0}O. (sans objet) que si la liste le propose et que le sujet ne vous concerne pas. Laissez la cellule vide si vous ne savez pas\u{a0}: une cellule vide ne compte pas comme un vote.";
    /// Workbook, step 4.
    Step4 => "If you like, write in the yellow \"Your note\" cell why you chose that level or what evidence you know of. Notes are shown to the facilitator under your name.",
        "Si vous le souhaitez, indiquez dans la cellule jaune «\u{a0}Votre note\u{a0}» pourquoi vous avez choisi ce niveau ou quelles preuves vous connaissez. Les notes sont présentées à l'animateur ou à l'animatrice sous votre nom.";
    /// Workbook, step 5.
    Step5 => "Save the file in the same format (.xlsx, Excel or LibreOffice) without renaming or reordering the sheets, and send it back to the facilitator. Only the yellow cells can be changed; the rest is protected without a password so the answers can be read back automatically.",
        "Enregistrez le fichier dans le même format (.xlsx, Excel ou LibreOffice) sans renommer ni réordonner les feuilles, puis renvoyez-le à l'animateur ou à l'animatrice. Seules les cellules jaunes peuvent être modifiées\u{202f}; le reste est protégé sans mot de passe pour que les réponses puissent être relues automatiquement.";
    /// Workbook, a numbered step: its number and text.
    NumberedStep => "{n}. {step}", "{n}. {step}";
    /// Workbook, Instructions sheet: label of the maturity scale.
    LabelScale => "The scale", "L'échelle";
    /// Workbook, one level of the scale.
    ScaleLine => "{level} – {name}: {description}", "{level} – {name}\u{a0}: {description}";
    /// Workbook, after the scale: what N/A means.
    NaLine => "N/A – not applicable: the topic does not concern your organisation (offered only for Annex A controls).",
        "S.\u{a0}O. – sans objet\u{a0}: le sujet ne concerne pas votre organisme (proposé seulement pour les mesures de l'annexe A).";
    /// Workbook, Questions sheet: header of the id column (9 wide: one short word).
    HeaderId => "ID", "Code";
    /// Workbook, Questions sheet: header of the short title column.
    HeaderTopic => "Topic", "Sujet";
    /// Workbook, Questions sheet: header of the question column.
    HeaderQuestion => "Question", "Question";
    /// Workbook, Questions sheet: header of the level column.
    HeaderLevel => "Your level (pick from the list)", "Votre niveau (choisir dans la liste)";
    /// Workbook, Questions sheet: header of the note column.
    HeaderNote => "Your note (optional)", "Votre note (facultative)";
    /// Workbook, the level drop-down: its input title (32 characters at most).
    InputTitle => "Your level", "Votre niveau";
    /// Workbook, the level drop-down: input and error message, N/A offered.
    PickWithNa => "Pick 1 to 5, or N/A from the list.", "Choisissez 1 à 5 ou S.\u{a0}O. dans la liste.";
    /// Workbook, the level drop-down: input and error message.
    Pick => "Pick 1 to 5 from the list.", "Choisissez 1 à 5 dans la liste.";
    /// Workbook, the level drop-down: error title (32 characters at most).
    ErrorTitle => "Not a level", "Niveau non valide";
    /// Workbook, the drop-down's N/A choice (the reader accepts both languages).
    NaChoice => "N/A", "S.\u{a0}O.";
    /// Writing a workbook failed: whose it was, when it was for everybody.
    Everybody => "everybody", "tout le monde";
}
