//! What the command line prints: command output, summaries and hints (the words of errors are in ErrorText).
//!
//! Entries: `Key => "English", "French";` with a `///` line saying where the text
//! appears; placeholders are named (`{name}`), the same in both languages.
//!
//! Column headings are upper case, as the English ones; command and flag names, file
//! names and ids are never translated (`aims-readiness new --org NAME` keeps its
//! flags, only the placeholder word is French).

use super::catalog::catalogue;

catalogue! {
    CliText;
    /// `score`/`export` on a file carried to a newer questionnaire, on standard error.
    NoteMigrated => "Note: {name} was {summary}. The file as it was is kept at {copy}. Open it in the app to confirm the answers marked to re-check.",
        "Remarque\u{a0}: {name} a été {summary}. Le fichier d'origine est conservé ici\u{a0}: {copy}. Ouvrez l'évaluation dans l'application pour confirmer les réponses marquées à revérifier.";
    /// `score`/`export` when the carried-over file could not be saved.
    NoteMigratedInMemory => "Note: {name} answers an earlier version of the questionnaire; it was carried over in memory only, because it could not be saved ({reason}).",
        "Remarque\u{a0}: {name} répond à une version antérieure du questionnaire\u{202f}; la mise à jour n'a été faite qu'en mémoire, car le fichier n'a pas pu être enregistré ({reason}).";
    /// What a migration did, in the note above.
    MigratedFrom => "migrated from questionnaire {questionnaire} {from} to {to}: {parts}",
        "migré du questionnaire {questionnaire} {from} vers {to}\u{a0}: {parts}";
    /// A migration: answers carried over (one).
    MigratedCarriedOne => "{count} answer carried over unchanged", "{count} réponse reportée telle quelle";
    /// A migration: answers carried over (several).
    MigratedCarriedMany => "{count} answers carried over unchanged", "{count} réponses reportées telles quelles";
    /// A migration: questions split (one).
    MigratedSplitOne => "{count} question split ({ids})", "{count} question scindée ({ids})";
    /// A migration: questions split (several).
    MigratedSplitMany => "{count} questions split ({ids})", "{count} questions scindées ({ids})";
    /// A migration: answers to re-check (one).
    MigratedRecheckOne => "{count} answer to re-check ({ids})", "{count} réponse à revérifier ({ids})";
    /// A migration: answers to re-check (several).
    MigratedRecheckMany => "{count} answers to re-check ({ids})", "{count} réponses à revérifier ({ids})";
    /// A migration: a retired question.
    MigratedRetiredOne => "{count} retired and kept in the file ({ids})",
        "{count} question retirée et conservée dans le fichier ({ids})";
    /// A migration: retired questions.
    MigratedRetiredMany => "{count} retired and kept in the file ({ids})",
        "{count} questions retirées et conservées dans le fichier ({ids})";
    /// `export`: the earlier round could not be read, on standard error.
    BaselineNotCompared => "the earlier round is not compared: {reason}",
        "le cycle précédent n'est pas comparé\u{a0}: {reason}";
    /// `list` with no assessment.
    ListEmpty => "No assessments in {dir} yet. Create one with: aims-readiness new --org NAME",
        "Aucune évaluation dans {dir} pour l'instant. Créez-en une avec\u{a0}: aims-readiness new --org NOM";
    /// `list` column: the organisation.
    ColOrganisation => "ORGANISATION", "ORGANISME";
    /// `list` column: questions answered of all (9 columns wide at most).
    ColAnswered => "ANSWERED", "RÉPONSES";
    /// `list` column: the verdict.
    ColVerdict => "VERDICT", "VERDICT";
    /// `list` column: last change (16 columns wide at most).
    ColUpdated => "UPDATED", "MISE À JOUR";
    /// `list` column: the file name.
    ColFile => "FILE", "FICHIER";
    /// `list`: a file that cannot be read.
    CannotBeRead => "(cannot be read: {problem})", "(illisible\u{a0}: {problem})";
    /// `score`: an assessment without an organisation name.
    OrganisationNotSet => "(organisation not set)", "(organisme non précisé)";
    /// `score`: the headline (three spaces between the parts). The French is longer, so
    /// it takes two lines to stay within 80 columns.
    ScoreHeadline => "Overall: {score} (level {level}: {name})   Verdict: {verdict}   Coverage: {covered}/{total} ({percent}%)",
        "Score global\u{a0}: {score} (niveau {level}\u{a0}: {name})\nVerdict\u{a0}: {verdict}   Couverture\u{a0}: {covered}/{total} ({percent}\u{a0}%)";
    /// `score`: the headline before any answer (no score, so no level).
    ScoreHeadlineUnscored => "Overall: – (nothing scored yet)   Verdict: {verdict}   Coverage: {covered}/{total} ({percent}%)",
        "Score global\u{a0}: – (rien n'est encore coté)\nVerdict\u{a0}: {verdict}   Couverture\u{a0}: {covered}/{total} ({percent}\u{a0}%)";
    /// `score` column: the domain.
    ColDomain => "DOMAIN", "DOMAINE";
    /// `score` column: the score (5 columns wide at most).
    ColScore => "SCORE", "SCORE";
    /// `score` column: the target (6 columns wide at most).
    ColTarget => "TARGET", "CIBLE";
    /// `score` column: the gap (5 columns wide at most).
    ColGap => "GAP", "ÉCART";
    /// `score`: the heading of the critical gaps.
    CriticalGaps => "Critical gaps (critical questions below level {threshold}):",
        "Écarts critiques (questions critiques sous le niveau {threshold})\u{a0}:";
    /// `score`: a question's level in a list.
    Level => "level {level}", "niveau {level}";
    /// `score`: the findings counted by grade (the total is one).
    FindingsCount => "Findings: {major} major, {minor} minor, {improvement} improvement",
        "Constats\u{a0}: majeurs {major}, mineurs {minor}, pistes d'amélioration {improvement}";
    /// `score`: the heading of one grade of findings.
    SeverityHeading => "{severity}:", "{severity}\u{a0}:";
    /// `score`: the heading of the first roadmap items.
    TopPriorities => "Top priorities:", "Priorités principales\u{a0}:";
    /// `questionnaire validate`: a translation that does not match its original (one problem).
    NotMatchingOne => "{file} does not match its original {original} ({count} problem):",
        "{file} ne correspond pas à son original {original} ({count} problème)\u{a0}:";
    /// `questionnaire validate`: a translation that does not match its original.
    NotMatchingMany => "{file} does not match its original {original} ({count} problems):",
        "{file} ne correspond pas à son original {original} ({count} problèmes)\u{a0}:";
    /// `questionnaire validate`: a valid file.
    Valid => "{file} is valid: {title} version {version}, {domains} domains, {questions} questions",
        "{file} est valide\u{a0}: {title}, version {version}, {domains} domaines, {questions} questions";
    /// `questionnaire validate`: a valid translation.
    ValidTranslation => "  a translation ({code}) matching {original}: same ids, refs, numbers and checks per level",
        "  une traduction ({code}) conforme à {original}\u{a0}: mêmes identifiants, références, nombres et points de vérification par niveau";
    /// `questionnaire validate`: the built-in questionnaire a translation is compared with.
    EmbeddedOriginal => "questionnaires/iso42001.json (embedded)", "questionnaires/iso42001.json (intégré)";
    /// `questionnaire validate`: an invalid file (one problem; problems stay in English).
    InvalidOne => "{file} is not valid ({count} problem):", "{file} n'est pas valide ({count} problème)\u{a0}:";
    /// `questionnaire validate`: an invalid file (problems stay in English).
    InvalidMany => "{file} is not valid ({count} problems):", "{file} n'est pas valide ({count} problèmes)\u{a0}:";
    /// `merge`: more participants than are named.
    AndMore => "and {count} more", "et {count} autres";
    /// `merge`: what was merged (one assessment).
    MergedOne => "Merged {count} assessment into {path} (participants: {names}).",
        "{count} évaluation fusionnée dans {path} (participants\u{a0}: {names}).";
    /// `merge`: what was merged.
    MergedMany => "Merged {count} assessments into {path} (participants: {names}).",
        "{count} évaluations fusionnées dans {path} (participants\u{a0}: {names}).";
    /// `merge`: what a merged result is.
    MergedProposal => "Every result is a proposal (the lower median of the votes) until confirmed in the workshop.",
        "Chaque résultat est une proposition (la médiane inférieure des votes) jusqu'à sa confirmation en atelier.";
    /// `merge`: an empty agenda.
    NothingToDiscuss => "Nothing to discuss: every question is settled.",
        "Rien à discuter\u{a0}: toutes les questions sont réglées.";
    /// `merge`: the heading of the agenda.
    AgendaHeading => "Discussion agenda (divergent questions first):",
        "Ordre du jour de la discussion (questions divergentes d'abord)\u{a0}:";
    /// Agenda: the votes spread over levels.
    VotesRange => "votes {low}–{high}", "votes {low} à {high}";
    /// Agenda: every vote on one level.
    VotesOne => "votes {level}", "votes {level}";
    /// Agenda: only N/A votes.
    VotesNa => "votes {count} N/A", "votes S.\u{a0}O.\u{a0}: {count}";
    /// Agenda: no votes.
    NoVotes => "no votes", "aucun vote";
    /// Agenda: N/A votes beside level votes.
    PlusNa => " + {count} N/A", " + S.\u{a0}O.\u{a0}: {count}";
    /// Agenda: the proposed level.
    Proposed => ", proposed {level}", ", proposition {level}";
    /// Agenda reason: the votes diverge (12 columns wide at most).
    AgendaDivergent => "divergent", "divergente";
    /// Agenda reason: N/A disputed (12 columns wide at most; the French is the workshop
    /// room's word, « S. O. contesté », 14 columns: its row is 2 columns wider).
    AgendaNaDisputed => "N/A disputed", "S.\u{a0}O. contesté";
    /// Agenda reason: a proposal to confirm (12 columns wide at most).
    AgendaPending => "to confirm", "à confirmer";
    /// Agenda reason: nobody answered (12 columns wide at most).
    AgendaUnanswered => "unanswered", "sans réponse";
    /// `homework`: what to do with the workbooks.
    HomeworkNext => "Send each workbook to its person; merge what comes back with: aims-readiness merge FILE... --out WORKSHOP.json (or --into WORKSHOP.json)",
        "Envoyez chaque classeur à la personne concernée\u{202f}; fusionnez ce qui revient avec\u{a0}: aims-readiness merge FICHIER... --out ATELIER.json (ou --into ATELIER.json)";
    /// `merge --into`: late homework merged (one file).
    LateMergedOne => "Merged {count} file into {path}.", "{count} fichier fusionné dans {path}.";
    /// `merge --into`: late homework merged.
    LateMergedMany => "Merged {count} files into {path}.", "{count} fichiers fusionnés dans {path}.";
    /// `merge --into`: late homework merged with new participants (one file).
    LateMergedNewOne => "Merged {count} file into {path} (new participants: {names}).",
        "{count} fichier fusionné dans {path} (nouveaux participants\u{a0}: {names}).";
    /// `merge --into`: late homework merged with new participants.
    LateMergedNewMany => "Merged {count} files into {path} (new participants: {names}).",
        "{count} fichiers fusionnés dans {path} (nouveaux participants\u{a0}: {names}).";
    /// `merge --into`: what happens to the workshop's votes.
    LateKept => "The workshop's votes and results are kept; questions not settled yet have a new proposal.",
        "Les votes et les résultats de l'atelier sont conservés\u{202f}; les questions pas encore réglées ont une nouvelle proposition.";
    /// `merge --into`: one settled question kept its result.
    SettledKeptOne => "{count} settled question kept its result with the late votes recorded beside it: {ids}",
        "{count} question réglée a gardé son résultat, les votes tardifs étant consignés à côté\u{a0}: {ids}";
    /// `merge --into`: settled questions kept their result.
    SettledKeptMany => "{count} settled questions kept their result with the late votes recorded beside it: {ids}",
        "{count} questions réglées ont gardé leur résultat, les votes tardifs étant consignés à côté\u{a0}: {ids}";
    /// `evidence add`: joins the question (or check) and the control it supports.
    AndJoin => " and ", " et ";
    /// `evidence add`: a file added, with its size and hash.
    EvidenceAddedFile => "{id} added to {target}: {location} ({bytes} bytes, SHA-256 {hash})",
        "Preuve {id} ajoutée à {target}\u{a0}: {location} ({bytes} octets, SHA-256 {hash})";
    /// `evidence add`: a link or record added.
    EvidenceAdded => "{id} added to {target}: {location} ({kind})",
        "Preuve {id} ajoutée à {target}\u{a0}: {location} ({kind})";
    /// Evidence kind: a file.
    KindFile => "file", "fichier";
    /// Evidence kind: a web address.
    KindLink => "link", "lien";
    /// Evidence kind: a record held elsewhere.
    KindRecord => "record", "enregistrement";
    /// Evidence kind in the `evidence list` table, where it must be short: a record.
    KindRecordShort => "record", "enreg.";
    /// `evidence list` with an empty register.
    RegisterEmpty => "The evidence register is empty. Add an item with: aims-readiness evidence add FILE PATH --question ID",
        "Le registre des preuves est vide. Ajoutez-y un élément avec\u{a0}: aims-readiness evidence add FICHIER CHEMIN --question ID";
    /// `evidence list` column: the id.
    ColId => "ID", "ID";
    /// `evidence list` column: the kind.
    ColKind => "KIND", "TYPE";
    /// `evidence list` column: the title.
    ColTitle => "TITLE", "TITRE";
    /// `evidence list` column: the evidence's own date.
    ColDated => "DATED", "DATE";
    /// `evidence list` column: the file's hash.
    ColSha => "SHA-256", "SHA-256";
    /// `evidence list` column: the questions and controls it supports.
    ColUsedBy => "USED BY", "UTILISÉE PAR";
    /// `evidence list` column: where it is.
    ColLocation => "LOCATION", "EMPLACEMENT";
    /// `evidence verify` with no file in the register.
    NothingToVerify => "No file in the evidence register: nothing to verify.",
        "Aucun fichier dans le registre des preuves\u{a0}: rien à vérifier.";
    /// `evidence verify`: a file as it was (9 columns wide at most).
    StatusUnchanged => "unchanged", "inchangé";
    /// `evidence verify`: a file whose content changed (9 columns wide at most).
    StatusChanged => "changed", "modifié";
    /// `evidence verify`: a file no longer there (9 columns wide at most).
    StatusMissing => "missing", "manquant";
    /// `evidence verify`: the count at the end (one unchanged).
    UnchangedOne => "{count} of {total} files unchanged.", "{count} fichier inchangé sur {total}.";
    /// `evidence verify`: the count at the end.
    UnchangedMany => "{count} of {total} files unchanged.", "{count} fichiers inchangés sur {total}.";
    /// `compare`: the overall score before → after (change).
    CompareOverall => "Overall: {before} → {after} ({change})", "Score global\u{a0}: {before} → {after} ({change})";
    /// `compare`: questions answered before → after.
    CompareAnswered => "Answered: {before} → {after}", "Réponses\u{a0}: {before} → {after}";
    /// `compare`: a count of answered questions.
    CompareCount => "{covered}/{total}", "{covered}/{total}";
    /// `compare`: a count of answered questions while the assessment is incomplete.
    CompareCountProvisional => "{covered}/{total} (provisional)", "{covered}/{total} (provisoire)";
    /// `compare`: one answer of the baseline left blank now.
    CompareClearedOne => "1 answer given in the baseline is unanswered now: a score that rose without it is not progress.",
        "1 réponse donnée dans l'évaluation de référence est vide maintenant\u{a0}: un score qui monte sans elle n'est pas un progrès.";
    /// `compare`: answers of the baseline left blank now.
    CompareClearedMany => "{count} answers given in the baseline are unanswered now: a score that rose without them is not progress.",
        "{count} réponses données dans l'évaluation de référence sont vides maintenant\u{a0}: un score qui monte sans elles n'est pas un progrès.";
    /// `compare` column: the domain.
    CompareColDomain => "DOMAIN", "DOMAINE";
    /// `compare` column: the baseline's score (8 columns wide at most).
    CompareColBaseline => "BASELINE", "AVANT";
    /// `compare` column: the score now (6 columns wide at most).
    CompareColNow => "NOW", "APRÈS";
    /// `compare` column: the change (7 columns wide at most).
    CompareColChange => "CHANGE", "ÉCART";
    /// `compare` column: the target (6 columns wide at most).
    CompareColTarget => "TARGET", "CIBLE";
    /// `compare`: no answer changed.
    CompareNoChange => "No answer changed.", "Aucune réponse n'a changé.";
    /// `compare`: the heading of the changed answers.
    CompareChanged => "Changed answers ({count}):", "Réponses modifiées ({count})\u{a0}:";
}
