//! The homework workbook (xlsx) a participant without the app fills in, and why a
//! workbook, a CSV file or one of their cells was refused.
//!
//! Entries: `Key => "English", "French";` with a `///` line saying where the text
//! appears; placeholders are named (`{name}`), the same in both languages. N/A is
//! « S. O. » (sans objet) in French, in the drop-down too: the reader accepts both.

use super::Lang;
use super::catalog::{Words, catalogue};

/// A sentence in English and in French: what is wrong with a homework file or a cell,
/// or where. Made from a catalogue text; `Display` is the English. What
/// a library or the system says (no catalogue text) is the same in both.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Said {
    /// The English words.
    pub en: String,
    /// The French words.
    pub fr: String,
}

impl Said {
    /// `text` with its placeholders filled, in both languages.
    pub fn new(text: impl Words, args: &[(&str, &dyn std::fmt::Display)]) -> Self {
        Said {
            en: Lang::En.f(text, args),
            fr: Lang::Fr.f(text, args),
        }
    }

    /// The words in `lang`.
    pub fn in_lang(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Fr => &self.fr,
        }
    }
}

impl std::fmt::Display for Said {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.en)
    }
}

impl From<String> for Said {
    fn from(words: String) -> Self {
        Said {
            en: words.clone(),
            fr: words,
        }
    }
}

catalogue! {
    HomeworkText;
    /// Workbook, Instructions sheet: the title (A1).
    Title => "ISO/IEC 42001 readiness: your homework",
        "Préparation à la certification ISO/IEC 42001\u{a0}: votre travail préparatoire";
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
        "Si vous le souhaitez, indiquez dans la cellule jaune «\u{a0}Votre note\u{a0}» pourquoi vous avez choisi ce niveau ou les preuves dont vous avez connaissance. Les notes sont présentées à l'animateur ou à l'animatrice sous votre nom.";
    /// Workbook, step 5.
    Step5 => "Save the file in the same format (.xlsx, Excel or LibreOffice) without renaming or reordering the sheets, and send it back to the facilitator. Only the yellow cells can be changed; the rest is protected without a password so the answers can be read back automatically.",
        "Enregistrez le fichier dans le même format (.xlsx, Excel ou LibreOffice) sans renommer les feuilles ni en changer l'ordre, puis renvoyez-le à l'animateur ou à l'animatrice. Seules les cellules jaunes peuvent être modifiées\u{202f}; le reste est protégé sans mot de passe pour que les réponses puissent être relues automatiquement.";
    /// Workbook, a numbered step: its number and text.
    NumberedStep => "{n}. {step}", "{n}. {step}";
    /// Workbook, Instructions sheet: label of the maturity scale.
    LabelScale => "The scale", "L'échelle";
    /// Workbook, one level of the scale.
    ScaleLine => "{level} – {name}: {description}", "{level} – {name}\u{a0}: {description}";
    /// Workbook, after the scale: what N/A means.
    NaLine => "N/A – not applicable: the topic does not concern your organisation (offered only for Annex A controls).",
        "S.\u{a0}O. – sans objet\u{a0}: le sujet ne concerne pas votre organisme (proposé seulement pour les mesures de l'annexe\u{a0}A).";
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
    /// Where a refused cell is: a workbook cell.
    PlaceSheetCell => "sheet {sheet}, cell {cell}", "feuille {sheet}, cellule {cell}";
    /// Where a refused cell is: a CSV cell.
    PlaceRowColumn => "row {row}, column {column}", "ligne {row}, colonne {column}";
    /// Where a refused cell is: a CSV cell under a header.
    PlaceRowColumnNamed => "row {row}, column {column} (\"{header}\")", "ligne {row}, colonne {column} («\u{a0}{header}\u{a0}»)";
    /// Where a refused cell is: a CSV row.
    PlaceRow => "row {row}", "ligne {row}";
    /// Refused cell: N/A where the question does not allow it.
    NaNotAllowed => "\"{value}\" (not applicable) is not allowed for question {id}: choose a level 1 to 5",
        "«\u{a0}{value}\u{a0}» (sans objet) n'est pas permis pour la question {id}\u{a0}: choisissez un niveau de 1 à 5";
    /// Refused cell: not a level.
    NotALevel => "\"{value}\" is not a level: write 1 to 5",
        "«\u{a0}{value}\u{a0}» n'est pas un niveau\u{a0}: inscrivez un chiffre de 1 à 5";
    /// Refused cell: not a level, where N/A is allowed.
    NotALevelOrNa => "\"{value}\" is not a level: write 1 to 5, or N/A",
        "«\u{a0}{value}\u{a0}» n'est pas un niveau\u{a0}: inscrivez un chiffre de 1 à 5 ou S.\u{a0}O.";
    /// Refused cell: too long.
    CellTooLong => "the cell holds {count} characters, more than the {max} a spreadsheet cell can",
        "la cellule contient {count} caractères, plus que les {max} qu'une cellule de tableur peut contenir";
    /// Refused workbook: the reader could not open it.
    NotReadableXlsx => "is not a readable Excel workbook (.xlsx): {reason}",
        "n'est pas un classeur Excel (.xlsx) lisible\u{a0}: {reason}";
    /// Refused workbook: made by another layout version.
    OtherVersion => "was made by another version of aims-readiness (\"{value}\"); make the homework again with this one",
        "a été créé par une autre version d'aims-readiness («\u{a0}{value}\u{a0}»)\u{202f}; refaites les classeurs de travail préparatoire avec celle-ci";
    /// Refused workbook: no sheet at all.
    NoSheet => "has no sheet", "ne contient aucune feuille";
    /// Refused workbook: the participant's name cell is empty.
    NameEmpty => "the name cell is empty: type the participant's name there, so the votes count under it",
        "la cellule du nom est vide\u{a0}: inscrivez-y le nom de la personne participante, pour que ses votes soient comptés sous ce nom";
    /// Refused workbook: a row's id is not a question.
    UnknownQuestion => "\"{value}\" is not a question of {questionnaire} {version}; the rows of the Questions sheet must not be changed",
        "«\u{a0}{value}\u{a0}» n'est pas une question de {questionnaire} {version}\u{202f}; les lignes de la feuille Questions ne doivent pas être modifiées";
    /// Refused workbook: not a zip archive (or encrypted).
    NotXlsx => "is not an Excel workbook (.xlsx); a password-protected workbook cannot be read either: save it without a password",
        "n'est pas un classeur Excel (.xlsx)\u{202f}; un classeur protégé par mot de passe ne peut pas être lu non plus\u{a0}: enregistrez-le sans mot de passe";
    /// Refused workbook: too many parts.
    TooManyParts => "holds {count} parts, far more than a workbook (at most {max} are read)",
        "contient {count} parties, bien plus qu'un classeur n'en compte (au plus {max} sont lues)";
    /// Refused workbook: damaged (what the reader said follows).
    Damaged => "is a damaged workbook: {reason}", "est un classeur endommagé\u{a0}: {reason}";
    /// Refused workbook: inflates too much.
    Inflates => "inflates to more than {mib} MiB, far more than any homework workbook; it was not read",
        "dépasse {mib} Mio une fois décompressé, bien plus que tout classeur de travail préparatoire\u{202f}; il n'a pas été lu";
    /// Refused cell: beyond the columns read.
    ColumnsNeverRead => "more than {max} columns are never read", "au-delà de {max} colonnes, rien n'est lu";
    /// Refused cell: beyond the rows read.
    RowsNeverRead => "more than {max} rows are never read", "au-delà de {max} lignes, rien n'est lu";
    /// Refused workbook: too many filled cells.
    TooManyCells => "has more than {max} filled cells on sheet {sheet}; it was not read",
        "contient plus de {max} cellules remplies sur la feuille {sheet}\u{202f}; il n'a pas été lu";
    /// Refused CSV: the parser's reason follows.
    NotReadableCsv => "is not a readable CSV file: {reason}", "n'est pas un fichier CSV lisible\u{a0}: {reason}";
    /// Refused CSV: too many columns.
    CsvTooManyColumns => "has {count} columns in row {row}; at most {max} are read (one per question and note, plus a few)",
        "compte {count} colonnes à la ligne {row}\u{202f}; au plus {max} sont lues (une par question et par note, plus quelques autres)";
    /// Refused CSV: too many rows.
    CsvTooManyRows => "has more than {max} rows of answers; at most {max} are read",
        "compte plus de {max} lignes de réponses\u{202f}; au plus {max} sont lues";
    /// Refused CSV cell: not UTF-8.
    NotUtf8 => "this is not UTF-8 text: save the file as \"CSV UTF-8\"",
        "ce n'est pas du texte UTF-8\u{a0}: enregistrez le fichier en «\u{a0}CSV UTF-8\u{a0}»";
    /// Refused CSV: empty.
    CsvEmpty => "is empty: the first row should name the columns", "est vide\u{a0}: la première ligne doit contenir le nom des colonnes";
    /// Refused CSV: no name column (the header names stay as the forms tools write them).
    NoNameColumn => "has no column named \"Name\" or \"Email\" in its first row, so who answered is unknown",
        "n'a pas de colonne nommée «\u{a0}Nom\u{a0}», «\u{a0}Name\u{a0}», «\u{a0}Courriel\u{a0}» ou «\u{a0}Email\u{a0}» dans sa première ligne, de sorte qu'on ne sait pas qui a répondu";
    /// Refused CSV: two columns for one question.
    SameQuestion => "\"{header}\" is the same question as column {other} (\"{other_header}\"); keep one of them",
        "«\u{a0}{header}\u{a0}» est la même question que la colonne {other} («\u{a0}{other_header}\u{a0}»)\u{202f}; n'en gardez qu'une";
    /// Refused CSV: no question column.
    NoQuestionColumn => "has no column whose header starts with a question id (such as \"ctx-01\") or a question's short title",
        "n'a aucune colonne dont l'en-tête commence par un identifiant de question (comme «\u{a0}ctx-01\u{a0}») ou par le titre court d'une question";
    /// Refused CSV row: nobody named.
    NoName => "neither a name nor an email says who answered", "aucun nom ni courriel n'indique qui a répondu";
    /// Refused file: a spreadsheet format not read (.ods, .xls…).
    Unsupported => "is in a spreadsheet format that is not read: save it as an Excel workbook (.xlsx) or as CSV UTF-8",
        "est dans un format de tableur qui n'est pas lu\u{a0}: enregistrez-le en classeur Excel (.xlsx) ou en CSV UTF-8";
    /// An assessment that does not fit its questionnaire: one problem and where (a JSON path).
    FitAt => "{at}: {problem}", "{at}\u{a0}: {problem}";
    /// Does not fit: another questionnaire.
    FitOtherQuestionnaire => "it answers questionnaire \"{answers}\", not \"{expected}\"",
        "l'évaluation répond au questionnaire «\u{a0}{answers}\u{a0}» et non à «\u{a0}{expected}\u{a0}»";
    /// Does not fit: a year out of range.
    FitYear => "year {year} is outside {from} to {to}", "l'année {year} n'est pas comprise entre {from} et {to}";
    /// Does not fit: a target for an unknown domain.
    FitDomainUnknown => "domain \"{domain}\" is not in the questionnaire", "le domaine «\u{a0}{domain}\u{a0}» n'est pas dans le questionnaire";
    /// Does not fit: a target that is not a level.
    FitTargetNotLevel => "target {target} is not a level from 1 to 5", "la cible {target} n'est pas un niveau de 1 à 5";
    /// Does not fit: an answer or plan for an unknown question.
    FitQuestionUnknown => "question \"{id}\" is not in the questionnaire", "la question «\u{a0}{id}\u{a0}» n'est pas dans le questionnaire";
    /// Does not fit: a level out of range.
    FitLevelNotLevel => "level {level} is not a level from 1 to 5", "le niveau {level} n'est pas un niveau de 1 à 5";
    /// Does not fit: N/A where the question does not allow it.
    FitNoNa => "question \"{id}\" cannot be answered N/A", "la question «\u{a0}{id}\u{a0}» ne peut pas recevoir la réponse S.\u{a0}O.";
    /// Does not fit: a time spent past ten years.
    FitSeconds => "{seconds} seconds is more than ten years ({max} seconds)", "{seconds} secondes, c'est plus de dix ans ({max} secondes)";
    /// Does not fit: a vote out of range.
    FitVoteNotLevel => "vote {vote} is not a level from 1 to 5", "le vote {vote} n'est pas un niveau de 1 à 5";
    /// Does not fit: a Statement of Applicability entry for an unknown control.
    FitControlUnknown => "control \"{id}\" is not in the questionnaire", "la mesure «\u{a0}{id}\u{a0}» n'est pas dans le questionnaire";
}
