//! The words of errors a person reads, in the terminal or on a status line: files that cannot be read, written, locked or trusted.
//!
//! Entries: `Key => "English", "French";` with a `///` line saying where the text
//! appears; placeholders are named (`{name}`), the same in both languages.
//!
//! The English texts are what the error enums' `Display` prints (each enum's
//! `in_lang(Lang::En)`), so the tests that read English messages read these. What an
//! error quotes from elsewhere (the operating system's reason in English, a JSON
//! parser's message, a custom questionnaire's validation problems) is passed through.

use std::io;

use super::Lang;
use super::catalog::catalogue;

catalogue! {
    ErrorText;
    /// A file operation failed: "cannot read acme.json: …".
    Io => "cannot {action} {path}: {reason}", "impossible de {action} {path}\u{a0}: {reason}";
    /// What was tried when a file operation failed: reading.
    ActionRead => "read", "lire";
    /// What was tried: reading a folder's list of files.
    ActionReadFolder => "read the folder", "lire le dossier";
    /// What was tried: writing.
    ActionWrite => "write", "écrire";
    /// What was tried: creating a file.
    ActionCreate => "create", "créer";
    /// What was tried: creating a folder.
    ActionCreateFolder => "create the folder", "créer le dossier";
    /// What was tried: creating a temporary file in a folder.
    ActionCreateTemporary => "create a temporary file in", "créer un fichier temporaire dans";
    /// What was tried: locking a file.
    ActionLock => "lock", "verrouiller";
    /// What was tried: moving a file to the trash.
    ActionTrash => "move to the trash", "mettre à la corbeille";
    /// What was tried: opening a file.
    ActionOpen => "open", "ouvrir";
    /// What was tried: opening the lock file.
    ActionOpenLock => "open the lock file", "ouvrir le fichier de verrou";
    /// What was tried: replacing a file.
    ActionReplace => "replace", "remplacer";
    /// What was tried: setting a file's permissions.
    ActionSetPermissions => "set permissions on", "fixer les droits d'accès de";
    /// What was tried: flushing a folder to disk.
    ActionSyncFolder => "sync the folder", "synchroniser le dossier";
    /// What was tried: writing the backup copy.
    ActionWriteBackup => "write the backup", "écrire la copie de sauvegarde";
    /// What was tried: writing the lock file.
    ActionWriteLock => "write the lock file", "écrire le fichier de verrou";
    /// The operating system's reason: no such file.
    ReasonNotFound => "no such file or directory", "fichier ou dossier introuvable";
    /// The operating system's reason: permission denied.
    ReasonPermissionDenied => "permission denied", "accès refusé";
    /// The operating system's reason: the name is taken.
    ReasonAlreadyExists => "the file exists", "le fichier existe déjà";
    /// The operating system's reason: the disk is full.
    ReasonStorageFull => "no space left on the disk", "espace disque insuffisant";
    /// The operating system's reason: a read-only file system.
    ReasonReadOnly => "read-only file system", "système de fichiers en lecture seule";
    /// The operating system's reason: a folder where a file was expected.
    ReasonIsADirectory => "it is a folder", "c'est un dossier";
    /// The operating system's reason: a file where a folder was expected.
    ReasonNotADirectory => "a part of the path is not a folder", "une partie du chemin n'est pas un dossier";
    /// The operating system's reason: over the file-size limit.
    ReasonFileTooLarge => "file too large", "fichier trop volumineux";
    /// The operating system's reason: interrupted or timed out.
    ReasonTimedOut => "timed out", "délai dépassé";
    /// An assessment that cannot be read, with no position.
    Damaged => "assessment file {path} is damaged: {message}; nothing was changed{backup}",
        "le fichier d'évaluation {path} est endommagé\u{a0}: {message}\u{202f}; rien n'a été modifié{backup}";
    /// An assessment that cannot be read, with where: "line 12, column 4".
    DamagedAt => "assessment file {path} is damaged at {at}: {message}; nothing was changed{backup}",
        "le fichier d'évaluation {path} est endommagé ({at})\u{a0}: {message}\u{202f}; rien n'a été modifié{backup}";
    /// Ends a damaged-file message when a backup exists.
    BackupHint => "; a backup is at {path}", "\u{202f}; une copie de sauvegarde existe\u{a0}: {path}";
    /// Where a JSON file is damaged.
    PlaceLineColumn => "line {line}, column {column}", "ligne {line}, colonne {column}";
    /// Where a file stops being UTF-8 text.
    PlaceByte => "byte {byte}", "octet {byte}";
    /// Why an assessment is damaged: nothing in it.
    DetailEmpty => "the file is empty", "le fichier est vide";
    /// Why an assessment is damaged: not text.
    DetailNotUtf8 => "the file is not UTF-8 text", "le fichier n'est pas du texte UTF-8";
    /// Why an assessment is damaged: not a JSON object.
    DetailNotObject => "an assessment must be a JSON object", "une évaluation doit être un objet JSON";
    /// Why an assessment is damaged: no format version.
    DetailNoFormatVersion => "the field is missing; this does not look like an assessment file",
        "le champ est absent\u{202f}; ce fichier ne ressemble pas à un fichier d'évaluation";
    /// Why an assessment is damaged: a format version that is not a number.
    DetailWholeNumber => "must be a whole number", "doit être un nombre entier";
    /// The JSON parser's reason: the file ends inside a value.
    JsonEofValue => "EOF while parsing a value", "le fichier se termine au milieu d'une valeur";
    /// The JSON parser's reason: the file ends inside an object.
    JsonEofObject => "EOF while parsing an object", "le fichier se termine au milieu d'un objet";
    /// The JSON parser's reason: the file ends inside a list.
    JsonEofList => "EOF while parsing a list", "le fichier se termine au milieu d'une liste";
    /// The JSON parser's reason: the file ends inside a string.
    JsonEofString => "EOF while parsing a string", "le fichier se termine au milieu d'une chaîne";
    /// The JSON parser's reason: a value was expected.
    JsonExpectedValue => "expected value", "une valeur est attendue";
    /// The JSON parser's reason: a comma or a closing brace was expected.
    JsonExpectedCommaBrace => "expected `,` or `}`", "une virgule ou «\u{a0}}\u{a0}» est attendue";
    /// The JSON parser's reason: a comma or a closing bracket was expected.
    JsonExpectedCommaBracket => "expected `,` or `]`", "une virgule ou «\u{a0}]\u{a0}» est attendue";
    /// The JSON parser's reason: a colon was expected.
    JsonExpectedColon => "expected `:`", "un deux-points est attendu";
    /// The JSON parser's reason: a comma before a closing bracket or brace.
    JsonTrailingComma => "trailing comma", "virgule en trop";
    /// The JSON parser's reason: something after the end of the data.
    JsonTrailingCharacters => "trailing characters", "caractères en trop après la fin des données";
    /// The JSON parser's reason: a key that is not a string.
    JsonKeyMustBeString => "key must be a string", "une clé doit être une chaîne entre guillemets";
    /// The JSON parser's reason: a malformed number.
    JsonInvalidNumber => "invalid number", "nombre invalide";
    /// The JSON parser's reason: a malformed escape in a string.
    JsonInvalidEscape => "invalid escape", "séquence d'échappement invalide";
    /// Why an evidence file cannot be added: nothing at the path.
    DetailNoFileHere => "there is no file at this path", "il n'y a aucun fichier à cet emplacement";
    /// Why an evidence file cannot be added: a folder or a device.
    DetailNotAFile => "it is not a regular file (a folder or a device)",
        "ce n'est pas un fichier ordinaire (c'est un dossier ou un périphérique)";
    /// Why `evidence verify` found a file changed: same size.
    DetailSameSize => "same size, different content", "même taille, contenu différent";
    /// Why `evidence verify` found a file changed: its size.
    DetailSizeChanged => "{now} bytes now, {then} when added", "{now} octets maintenant, {then} lors de l'ajout";
    /// Why `evidence verify` cannot compare: no hash recorded.
    DetailNoHash => "no hash was recorded when it was added", "aucune empreinte n'a été consignée lors de l'ajout";
    /// Why `evidence verify` found a file missing.
    DetailNoFile => "no file at this path", "aucun fichier à cet emplacement";
    /// Why `evidence verify` found a file changed: a folder or a device now.
    DetailNoLongerAFile => "no longer a regular file (a folder or a device)",
        "n'est plus un fichier ordinaire (c'est un dossier ou un périphérique)";
    /// An assessment written by a newer version of the program.
    NewerFormat => "assessment file {path} has format version {found}, newer than this program reads ({supported}); it was left untouched: update aims-readiness to open it",
        "le fichier d'évaluation {path} est en version de format {found}, plus récente que celle que lit ce programme ({supported})\u{202f}; il n'a pas été touché\u{a0}: mettez aims-readiness à jour pour l'ouvrir";
    /// An assessment another process has open.
    InUse => "assessment file {path} is in use by another aims-readiness process; close it there first",
        "le fichier d'évaluation {path} est ouvert par un autre processus aims-readiness\u{202f}; fermez-le d'abord dans cet autre processus";
    /// An assessment another process has open, with its process id.
    InUsePid => "assessment file {path} is in use by another aims-readiness process (pid {pid}); close it there first",
        "le fichier d'évaluation {path} est ouvert par un autre processus aims-readiness (pid {pid})\u{202f}; fermez-le d'abord dans cet autre processus";
    /// An assessment that does not fit its questionnaire.
    Mismatch => "assessment file {path} does not fit questionnaire {questionnaire}: {problems}; nothing was changed{backup}",
        "le fichier d'évaluation {path} ne correspond pas au questionnaire {questionnaire}\u{a0}: {problems}\u{202f}; rien n'a été modifié{backup}";
    /// A file to write exists already.
    Exists => "{path} already exists; use --force to replace it",
        "{path} existe déjà\u{202f}; utilisez --force pour le remplacer";
    /// No folder for the data.
    NoDataDir => "cannot find a data directory (no home directory); set {variable} to a folder",
        "impossible de trouver un dossier de données (aucun dossier personnel)\u{202f}; donnez à {variable} le chemin d'un dossier";
    /// A save refused because the file would be too large to read back.
    TooLarge => "assessment file {path} was not saved: it would be {size} bytes, over the limit of {limit} MiB this program reads back; the file on disk is unchanged and your answers are still open: shorten the longest notes or evidence",
        "le fichier d'évaluation {path} n'a pas été enregistré\u{a0}: il ferait {size} octets, au-delà de la limite de {limit} Mio que ce programme peut relire\u{202f}; le fichier sur le disque est inchangé et vos réponses restent ouvertes dans l'application\u{a0}: raccourcissez les notes ou les preuves les plus longues";
    /// An assessment that is a symbolic link.
    Symlink => "assessment file {path} is a symbolic link to {target}; open that file itself so that saves go where you expect (nothing was changed)",
        "le fichier d'évaluation {path} est un lien symbolique vers {target}\u{202f}; ouvrez plutôt ce fichier lui-même, pour que les enregistrements aillent là où vous l'attendez (rien n'a été modifié)";
    /// A name that is not a regular file.
    NotRegular => "{path} is not a regular file (a folder, FIFO, device or socket); nothing was read or changed",
        "{path} n'est pas un fichier ordinaire (c'est un dossier, un FIFO, un périphérique ou un socket)\u{202f}; rien n'a été lu ni modifié";
    /// An edited questionnaire that reuses the built-in one's id and version.
    ConflictBuiltIn => "questionnaire \"{id}\" version {version} was not kept: the built-in questionnaire has this id and version with other content; assessments made from it would be scored against another text. Give your edited questionnaire a new version",
        "le questionnaire «\u{a0}{id}\u{a0}» version {version} n'a pas été conservé\u{a0}: le questionnaire intégré porte cet identifiant et cette version avec un autre contenu\u{202f}; les évaluations faites à partir de celui-ci seraient notées selon un autre texte. Donnez une nouvelle version à votre questionnaire modifié";
    /// An edited questionnaire that reuses a kept copy's id and version.
    ConflictKept => "questionnaire \"{id}\" version {version} was not kept: a copy with other content is already kept at {kept}; assessments made from it would be scored against another text. Give your edited questionnaire a new version",
        "le questionnaire «\u{a0}{id}\u{a0}» version {version} n'a pas été conservé\u{a0}: une copie au contenu différent est déjà conservée ({kept})\u{202f}; les évaluations faites à partir de celui-ci seraient notées selon un autre texte. Donnez une nouvelle version à votre questionnaire modifié";
    /// An assessment another program replaced while it was open here.
    Replaced => "assessment file {path} was replaced on disk by another program while it was open here, and that one now has it open; your answers were not saved over it: close it there and reopen it here",
        "le fichier d'évaluation {path} a été remplacé sur le disque par un autre programme pendant qu'il était ouvert ici, et ce programme l'a maintenant ouvert\u{202f}; vos réponses n'ont pas été enregistrées par-dessus\u{a0}: fermez-le dans l'autre programme, puis rouvrez-le ici";
    /// An assessment whose questionnaire is neither built in nor kept.
    UnknownQuestionnaire => "assessment file {path} answers questionnaire \"{id}\" version {version}, which is neither built in nor kept in {kept}; pass --questionnaire FILE",
        "le fichier d'évaluation {path} répond au questionnaire «\u{a0}{id}\u{a0}» version {version}, qui n'est ni intégré ni conservé dans {kept}\u{202f}; indiquez-le avec --questionnaire FICHIER";
    /// A questionnaire file that cannot be read.
    QuestionnaireRead => "cannot read questionnaire {file}: {reason}",
        "impossible de lire le questionnaire {file}\u{a0}: {reason}";
    /// A questionnaire file with one problem (the problem itself stays in English).
    QuestionnaireInvalidOne => "questionnaire {file} is not valid (1 problem): {problems}",
        "le questionnaire {file} n'est pas valide (1 problème)\u{a0}: {problems}";
    /// A questionnaire file with several problems (the problems stay in English).
    QuestionnaireInvalidMany => "questionnaire {file} is not valid ({count} problems): {problems}",
        "le questionnaire {file} n'est pas valide ({count} problèmes)\u{a0}: {problems}";
    /// Evidence that cannot be attached to an assessment.
    EvidenceAttach => "cannot add evidence to assessment file {file}: {reason}; nothing was changed",
        "impossible d'ajouter une preuve au fichier d'évaluation {file}\u{a0}: {reason}\u{202f}; rien n'a été modifié";
    /// An evidence file that cannot be hashed.
    EvidenceFile => "cannot add evidence file {path}: {reason}; nothing was changed",
        "impossible d'ajouter le fichier de preuve {path}\u{a0}: {reason}\u{202f}; rien n'a été modifié";
    /// Evidence for a question that does not exist.
    UnknownQuestion => "question \"{id}\" is not in the questionnaire",
        "la question «\u{a0}{id}\u{a0}» n'est pas dans le questionnaire";
    /// Evidence for a control that does not exist.
    UnknownEvidenceControl => "control \"{id}\" is neither an Annex A control of the questionnaire nor an additional control of the assessment",
        "la mesure «\u{a0}{id}\u{a0}» n'est ni une mesure de l'annexe A du questionnaire ni une mesure additionnelle de l'évaluation";
    /// Evidence for a check that is not the question's.
    UnknownCheck => "check \"{check}\" is not one of question {question}'s checks",
        "le point de vérification «\u{a0}{check}\u{a0}» n'est pas un de ceux de la question {question}";
    /// A level off the scale.
    LevelOutOfRange => "level {level} is not a level from 1 to 5",
        "le niveau {level} n'est pas un niveau de 1 à 5";
    /// N/A on a question that does not allow it.
    NotApplicableRefused => "question \"{id}\" cannot be answered N/A",
        "la question «\u{a0}{id}\u{a0}» ne peut pas recevoir la réponse S.\u{a0}O.";
    /// A decision on a control not in the questionnaire.
    UnknownControl => "control \"{id}\" is not in the questionnaire",
        "la mesure «\u{a0}{id}\u{a0}» n'est pas dans le questionnaire";
    /// An exclusion a mandatory clause forbids.
    NotExcludable => "control {id} cannot be excluded: a mandatory clause of the standard requires it; include it instead",
        "la mesure {id} ne peut pas être exclue\u{a0}: un article obligatoire de la norme l'exige\u{202f}; incluez-la plutôt";
    /// Implementation recorded on a control that is not included.
    NotIncluded => "control {id} is not included: include it before recording its implementation",
        "la mesure {id} n'est pas incluse\u{a0}: incluez-la avant d'en consigner la mise en œuvre";
    /// A workshop participant without a name.
    EmptyName => "a participant needs a name", "une personne participante doit avoir un nom";
    /// A workshop participant's name taken.
    DuplicateName => "\"{name}\" is already a participant", "«\u{a0}{name}\u{a0}» participe déjà";
    /// A name that is not a workshop participant.
    UnknownParticipant => "\"{name}\" is not a participant", "«\u{a0}{name}\u{a0}» ne fait pas partie des participants";
    /// A vote from somebody who left the room.
    HasLeft => "{name} has left the room: their earlier votes stay; mark them back (x) to take a new vote",
        "{name} a quitté la salle\u{a0}: ses votes précédents restent\u{202f}; marquez son retour (x) pour recueillir un nouveau vote";
    /// A consensus asked for with no votes.
    NoProposal => "question \"{id}\" has no votes to propose a consensus from",
        "la question «\u{a0}{id}\u{a0}» n'a aucun vote à partir duquel proposer un consensus";
    /// The radar chart could not be drawn.
    ExportChart => "cannot draw the radar chart: {reason}", "impossible de tracer le graphique radar\u{a0}: {reason}";
    /// A CSV, PDF or Word file could not be written.
    ExportWrite => "cannot write {file}: {reason}", "impossible d'écrire {file}\u{a0}: {reason}";
    /// A PDF or Word report could not be made.
    ExportMake => "cannot make {file}: {reason}", "impossible de produire {file}\u{a0}: {reason}";
    /// A merge with nothing to merge.
    MergeNoFiles => "merge needs at least one assessment file",
        "la fusion exige au moins un fichier d'évaluation";
    /// A merge of assessments of different questionnaires.
    MergeDifferentQuestionnaire => "assessment file {path} answers questionnaire \"{found}\", but {first} answers \"{expected}\"; only assessments of the same questionnaire and version can be merged",
        "le fichier d'évaluation {path} répond au questionnaire «\u{a0}{found}\u{a0}», mais {first} répond à «\u{a0}{expected}\u{a0}»\u{202f}; seules des évaluations du même questionnaire, dans la même version, peuvent être fusionnées";
    /// A merge given the same file twice.
    MergeSameFile => "{second} has the same content as {first} (same SHA-256); each person's homework is merged once, so their votes never count twice: leave one of them out (nothing was written)",
        "{second} a le même contenu que {first} (même SHA-256)\u{202f}; le travail préparatoire de chaque personne n'est fusionné qu'une fois, pour que ses votes ne comptent jamais en double\u{a0}: retirez l'un des deux (rien n'a été écrit)";
    /// A merge given one person's answers twice.
    MergeSamePerson => "{first} and {second} both hold the answers of {name}; each person is merged once, so their votes never count twice: leave one out, or correct the name in it (nothing was written)",
        "{first} et {second} contiennent tous deux les réponses de {name}\u{202f}; chaque personne n'est fusionnée qu'une fois, pour que ses votes ne comptent jamais en double\u{a0}: retirez l'un des deux, ou corrigez le nom qu'il contient (rien n'a été écrit)";
    /// A workshop file given to merge as one person's answers.
    MergeWorkshopAsInput => "{path} is a workshop file (it holds the votes of its {participants} participant(s)); merging it as one person's answers would squash their votes into one: add homework to it with --into {path}",
        "{path} est un fichier d'atelier (il contient les votes de ses participants, au nombre de {participants})\u{202f}; le fusionner comme les réponses d'une seule personne réduirait leurs votes à un seul\u{a0}: ajoutez-y le travail préparatoire avec --into {path}";
    /// Late homework from somebody who already voted in the workshop.
    MergeAlreadyVoted => "{source_file} holds the answers of {name}, who already voted in workshop {workshop}; their workshop votes stay as cast and this homework was not merged (nothing was written): leave it out",
        "{source_file} contient les réponses de {name}, qui a déjà voté à l'atelier {workshop}\u{202f}; ses votes d'atelier restent tels quels et ce travail préparatoire n'a pas été fusionné (rien n'a été écrit)\u{a0}: retirez ce fichier";
    /// A homework file that is not what it should be (the problem stays in English).
    HomeworkFile => "homework file {path} {problem}; nothing was merged",
        "fichier de travail préparatoire {path}\u{a0}: {problem}\u{202f}; rien n'a été fusionné";
    /// A homework cell that cannot be read (the problem stays in English).
    HomeworkCell => "homework file {path}, {place}: {problem}; nothing was merged",
        "fichier de travail préparatoire {path}, {place}\u{a0}: {problem}\u{202f}; rien n'a été fusionné";
    /// A homework workbook that could not be made.
    HomeworkWrite => "the homework workbook for {participant} could not be made: {problem}",
        "le classeur de travail préparatoire de {participant} n'a pas pu être produit\u{a0}: {problem}";
    /// A homework workbook's name taken in the folder.
    HomeworkExists => "{path} already exists; homework workbooks never replace a file: move it away or choose another --out folder (nothing was written)",
        "{path} existe déjà\u{202f}; les classeurs de travail préparatoire ne remplacent jamais un fichier\u{a0}: déplacez-le ou choisissez un autre dossier --out (rien n'a été écrit)";
    /// Homework asked for an assessment without participants.
    HomeworkNoParticipants => "assessment file {path} has no participants: name them with --participant NAME, or make one workbook for everybody with --one-workbook",
        "le fichier d'évaluation {path} n'a aucune personne participante\u{a0}: nommez-les avec --participant NOM, ou produisez un seul classeur pour tout le monde avec --one-workbook";
    /// A language code the app does not know.
    UnknownLang => "{source_name} is {value}: the languages are \"en\" (English) and \"fr\" (français)",
        "{source_name} vaut {value}\u{a0}: les langues possibles sont «\u{a0}en\u{a0}» (English) et «\u{a0}fr\u{a0}» (français)";
    /// Writing to standard output failed.
    Output => "cannot write the output: {reason}", "impossible d'écrire la sortie\u{a0}: {reason}";
    /// `compare NEW` on a first round.
    NoBaseline => "assessment file {path} records no earlier round to compare with; name both: aims-readiness compare OLD NEW",
        "le fichier d'évaluation {path} n'indique aucun cycle d'évaluation précédent à comparer\u{202f}; nommez les deux\u{a0}: aims-readiness compare ANCIENNE NOUVELLE";
    /// The interactive app started without a terminal.
    NoTerminal => "the interactive app needs a terminal; use the commands instead (see --help)",
        "l'application interactive a besoin d'un terminal\u{202f}; utilisez plutôt les commandes (voir --help)";
    /// The terminal failed under the interactive app.
    TerminalFailed => "the terminal failed: {reason}", "erreur du terminal\u{a0}: {reason}";
}

impl ErrorText {
    /// The details an error quotes that [`Lang::detail`] words in French.
    const DETAILS: &'static [ErrorText] = &[
        ErrorText::DetailEmpty,
        ErrorText::DetailNotUtf8,
        ErrorText::DetailNotObject,
        ErrorText::DetailNoFormatVersion,
        ErrorText::DetailWholeNumber,
        ErrorText::JsonEofValue,
        ErrorText::JsonEofObject,
        ErrorText::JsonEofList,
        ErrorText::JsonEofString,
        ErrorText::JsonExpectedValue,
        ErrorText::JsonExpectedCommaBrace,
        ErrorText::JsonExpectedCommaBracket,
        ErrorText::JsonExpectedColon,
        ErrorText::JsonTrailingComma,
        ErrorText::JsonTrailingCharacters,
        ErrorText::JsonKeyMustBeString,
        ErrorText::JsonInvalidNumber,
        ErrorText::JsonInvalidEscape,
        ErrorText::DetailNoFileHere,
        ErrorText::DetailNotAFile,
        ErrorText::DetailSameSize,
        ErrorText::DetailNoHash,
        ErrorText::DetailNoFile,
        ErrorText::DetailNoLongerAFile,
    ];
}

impl Lang {
    /// The operating system's reason for a failed file operation: in English as the
    /// system words it ("No such file or directory (os error 2)"), in French from the
    /// catalogue for the reasons people meet, else the system's words.
    pub fn io_reason(self, e: &io::Error) -> String {
        use io::ErrorKind as K;
        if self == Lang::En {
            return e.to_string();
        }
        let text = match e.kind() {
            K::NotFound => ErrorText::ReasonNotFound,
            K::PermissionDenied => ErrorText::ReasonPermissionDenied,
            K::AlreadyExists => ErrorText::ReasonAlreadyExists,
            K::StorageFull | K::QuotaExceeded => ErrorText::ReasonStorageFull,
            K::ReadOnlyFilesystem => ErrorText::ReasonReadOnly,
            K::IsADirectory => ErrorText::ReasonIsADirectory,
            K::NotADirectory => ErrorText::ReasonNotADirectory,
            K::FileTooLarge => ErrorText::ReasonFileTooLarge,
            K::TimedOut => ErrorText::ReasonTimedOut,
            _ => return e.to_string(),
        };
        self.t(text).to_string()
    }

    /// Where a file is damaged, as the reader's language says it. The store words it in
    /// English ("line 12, column 4", "byte 7", "members (line 3, column 9)", or a JSON
    /// path); French rewords the line-and-column and byte forms, and leaves a JSON path
    /// as it is.
    pub fn place(self, at: &str) -> String {
        if self == Lang::En {
            return at.to_string();
        }
        let line_column = |s: &str| -> Option<String> {
            let (line, column) = s.strip_prefix("line ")?.split_once(", column ")?;
            Some(self.f(
                ErrorText::PlaceLineColumn,
                &[("line", &line), ("column", &column)],
            ))
        };
        if let Some(words) = line_column(at) {
            return words;
        }
        if let Some(byte) = at.strip_prefix("byte ") {
            return self.f(ErrorText::PlaceByte, &[("byte", &byte)]);
        }
        if let Some((path, rest)) = at.split_once(" (")
            && let Some(words) = rest.strip_suffix(')').and_then(line_column)
        {
            return format!("{path} ({words})");
        }
        at.to_string()
    }

    /// A detail an error quotes (why a file is damaged, why evidence was refused, the
    /// JSON parser's reason), in this language when the catalogue knows it, else as it
    /// is. The store writes these details with the English catalogue entries (and
    /// serde_json with its own fixed English), so the lookup is by those words.
    pub fn detail(self, english: &str) -> String {
        if self == Lang::En {
            return english.to_string();
        }
        ErrorText::DETAILS
            .iter()
            .find(|t| t.en() == english)
            .map_or_else(|| english.to_string(), |t| self.t(*t).to_string())
    }

    /// The separator of a list of problems in one sentence: "; ", in French with the
    /// narrow no-break space before the semicolon.
    pub fn list_separator(self) -> &'static str {
        match self {
            Lang::En => "; ",
            Lang::Fr => "\u{202f}; ",
        }
    }

    /// A value quoted as code is, for an unknown language code: `"xx"` in English,
    /// « xx » in French.
    pub fn quoted_value(self, value: &str) -> String {
        match self {
            Lang::En => format!("{value:?}"),
            Lang::Fr => self.quote(value),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_are_reworded_in_french_and_left_alone_in_english() {
        assert_eq!(Lang::En.place("line 12, column 4"), "line 12, column 4");
        assert_eq!(Lang::Fr.place("line 12, column 4"), "ligne 12, colonne 4");
        assert_eq!(Lang::Fr.place("byte 7"), "octet 7");
        assert_eq!(
            Lang::Fr.place("answers (line 3, column 9)"),
            "answers (ligne 3, colonne 9)"
        );
        assert_eq!(Lang::Fr.place("answers.ctx-01"), "answers.ctx-01");
    }

    #[test]
    fn the_json_parser_words_its_reasons_as_the_catalogue_expects() {
        // serde_json's fixed English, as `json_message` leaves it (without "at line …").
        for (json, text) in [
            ("[1, 2", ErrorText::JsonEofList),
            ("{\"a\": 1", ErrorText::JsonEofObject),
            ("{\"a\": ", ErrorText::JsonEofValue),
            ("\"abc", ErrorText::JsonEofString),
            ("[1, x]", ErrorText::JsonExpectedValue),
            ("{\"a\": 1 \"b\"}", ErrorText::JsonExpectedCommaBrace),
            ("[1 2]", ErrorText::JsonExpectedCommaBracket),
            ("{\"a\" 1}", ErrorText::JsonExpectedColon),
            ("[1, 2,]", ErrorText::JsonTrailingComma),
            ("{} x", ErrorText::JsonTrailingCharacters),
            ("{1: 2}", ErrorText::JsonKeyMustBeString),
            ("[1.]", ErrorText::JsonInvalidNumber),
            ("\"\\q\"", ErrorText::JsonInvalidEscape),
        ] {
            let e = serde_json::from_str::<serde_json::Value>(json).expect_err(json);
            let words = e.to_string();
            let words = words
                .rsplit_once(" at line ")
                .map_or(words.as_str(), |(w, _)| w);
            assert_eq!(words, text.en(), "{json}");
            assert_eq!(Lang::Fr.detail(words), text.fr());
        }
        assert_eq!(Lang::Fr.detail("something else"), "something else");
        assert_eq!(Lang::En.detail("the file is empty"), "the file is empty");
    }

    #[test]
    fn the_system_reason_is_french_for_the_common_cases() {
        let missing = io::Error::from(io::ErrorKind::NotFound);
        assert_eq!(
            Lang::Fr.io_reason(&missing),
            "fichier ou dossier introuvable"
        );
        assert_eq!(Lang::En.io_reason(&missing), missing.to_string());
    }
}
