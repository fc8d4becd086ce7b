//! The labels, titles and sentences of the assessment screens (Home, new assessment, Question, Overview, Results, Roadmap, Targets, Export, Statement of Applicability, checklist, evidence register, details).
//!
//! Entries: `Key => "English", "French";` with a `///` line saying where the text
//! appears; placeholders are named (`{name}`), the same in both languages.

use super::Lang;
use super::catalog::catalogue;

catalogue! {
    ScreenText;

    // Home.
    /// Home: the pane's title; `{shown}` is the rows shown, " (1–14 of 21, ↑↓)" or nothing.
    HomeTitle => "Saved assessments{shown}", "Évaluations enregistrées{shown}";
    /// Home: no assessment saved yet.
    HomeEmpty => "No saved assessments yet. Press n to create one.",
        "Aucune évaluation enregistrée pour l'instant. Appuyez sur n pour en créer une.";
    /// Home: while the list is read.
    HomeReading => "Reading the saved assessments…", "Lecture des évaluations enregistrées…";
    /// Home: column header.
    HomeOrganisation => "Organisation", "Organisme";
    /// Home: column header (questions answered, "12/48").
    HomeAnswered => "Answered", "Réponses";
    /// Home: column header.
    HomeVerdict => "Verdict so far", "Verdict à ce jour";
    /// Home: column header.
    HomeLastChange => "Last change", "Modifiée le";
    /// Home: column header.
    HomeFile => "File", "Fichier";
    /// Home: a row whose organisation is empty.
    HomeNoOrganisation => "(no organisation)", "(organisme non précisé)";
    /// Home: a file that cannot be read.
    HomeCannotOpen => "{file} cannot be opened: {problem}",
        "{file} ne peut pas être ouvert\u{a0}: {problem}";

    // New assessment.
    /// New assessment: the pane's title.
    NewTitle => "New assessment", "Nouvelle évaluation";
    /// New assessment: the questionnaire's title and size.
    NewQuestionnaire => "{title} — {count} questions", "{title} — {count} questions";
    /// New assessment: what to do (French shorter: one line at 80 columns).
    NewIntro => "Fill in what you know (all optional) and press Enter on each line to start.",
        "Tout est facultatif\u{a0}: remplissez ce que vous savez, Entrée à chaque ligne.";
    /// New assessment: field label.
    NewOrganisation => "Organisation", "Organisme";
    /// New assessment: field label.
    NewScope => "Scope", "Domaine d'application";
    /// New assessment: field label.
    NewAssessors => "Assessors", "Équipe d'évaluation";
    /// New assessment: after the empty assessors field.
    NewCommaSeparated => " (comma-separated)", " (noms séparés par des virgules)";
    /// New assessment: heading of the targets.
    NewTargets => "Target level per domain (↑↓ to choose, ←→ to change)",
        "Niveau cible par domaine (↑↓ choisir, ←→ modifier)";

    // Question.
    /// Question: where you are.
    QuestionCounter => " Question {n} of {total}", " Question {n} sur {total}";
    /// Question: the earlier round's answer.
    QuestionLastTime => "  last time: {level}", "  la dernière fois\u{a0}: {level}";
    /// Question: not applicable, in a few letters.
    NotApplicableShort => "N/A", "S.\u{a0}O.";
    /// Question and checklist: a claim the checks do not fully support.
    ClaimedEvidenced => "claimed {claimed} · evidence supports {evidenced}",
        "déclaré {claimed} · étayé {evidenced}";
    /// Question and checklist: the level the checks support, nothing claimed.
    Evidenced => "evidence supports {evidenced}", "étayé {evidenced}";
    /// Question: a critical question.
    QuestionCritical => "  critical", "  critique";
    /// Question: its weight.
    QuestionWeight => "  weight {weight}", "  poids {weight}";
    /// Question: an answer to confirm again.
    QuestionRecheck => "  ↻ to re-check (c confirms)", "  ↻ à revérifier (c confirme)";
    /// Question: flagged without a reason.
    QuestionFollowUp => "  ⚑ follow-up", "  ⚑ suivi";
    /// Question: parked in a workshop, with the reason.
    QuestionParked => "  ⚑ parked: {reason}", "  ⚑ en suspens\u{a0}: {reason}";
    /// Question: the workshop countdown once past its time.
    QuestionOvertime => "  ⏱ {time} over", "  ⏱ {time} de dépassement";
    /// Question: the progress bar's label.
    QuestionProgress => " {answered}/{total} answered ", " {answered}/{total} réponses ";
    /// Question: the progress bar's label with proposals nobody confirmed yet.
    QuestionProgressPending => " {answered}/{total} answered · {pending} to confirm ",
        " {answered}/{total} réponses · {pending} à confirmer ";
    /// Question: the guidance's evidence examples.
    QuestionEvidenceExamples => "Evidence examples: {examples}", "Exemples de preuves\u{a0}: {examples}";
    /// Question: the guidance cut on a short window.
    QuestionGuidanceCut => "… (a taller window shows the rest; i hides the guidance)",
        "… (une fenêtre plus haute affiche la suite\u{202f}; i masque les conseils)";
    /// Question: the note box's title.
    QuestionNote => "Note (e)", "Note (e)";
    /// Question: the note box's title when N/A has no justification.
    QuestionNoteNeedsJustification => "Note (e) — N/A needs a justification",
        "Note (e) — S.\u{a0}O. exige une justification";
    /// Question: the evidence box's title; the part before the comma is its short label.
    QuestionEvidenceBox => "Evidence seen (v), one per line", "Preuves consultées (v), une par ligne";
    /// Question: a one-line box's label.
    BoxLabel => " {label}: ", " {label}\u{a0}: ";
    /// Question: the N/A choice under the levels (French shorter: one line at 80 columns).
    QuestionNotApplicable => "n N/A — not applicable (excluded from the SoA; needs a justification)",
        "n S.\u{a0}O. — sans objet (mesures exclues, justification requise)";
    /// Question: the decisions of the controls a question assesses, with the key that
    /// opens them (a).
    QuestionControls => "  ·  controls: {included} included, {excluded} excluded, {undecided} undecided (a)",
        "  ·  mesures\u{a0}: incluses {included}, exclues {excluded}, non décidées {undecided} (a)";

    // Checklist.
    /// Checklist: a claim, no check answered.
    ClaimedNoCheck => "claimed {claimed} · no check answered yet",
        "déclaré {claimed} · aucun point coché";
    /// Checklist: no claim, no check answered.
    NoCheck => "no check answered yet", "aucun point coché";
    /// Checklist: a level's heading.
    ChecklistLevel => " Level {level} · {name} — {met} of {total} met",
        " Niveau {level} · {name} — satisfaits\u{a0}: {met} sur {total}";
    /// Checklist: evidence linked to one check.
    ChecklistLinkedOne => "({count} evidence) ", "({count} preuve) ";
    /// Checklist: evidence linked to a check, several.
    ChecklistLinkedMany => "({count} evidence) ", "({count} preuves) ";
    /// Checklist: the pane's title (French without « (t) »: with a two-digit range the
    /// title must still fit 80 columns; the footer shows the key).
    ChecklistTitle => "Checks{shown} (t) — {state}", "Points de vérification{shown} — {state}";

    // Overview.
    /// Overview: the pane's title.
    OverviewTitle => "Overview{shown} — {filter} (f to filter)", "Aperçu{shown} — {filter} (f pour filtrer)";
    /// Overview: nothing matches the filter.
    OverviewEmpty => "No question is {filter}.", "Aucune question dans ce filtre\u{a0}: {filter}.";
    /// Overview filter: every question.
    FilterAll => "all questions", "toutes les questions";
    /// Overview filter: unanswered.
    FilterUnanswered => "unanswered", "sans réponse";
    /// Overview filter: the workshop's parking lot.
    FilterFlagged => "flagged (the parking lot)", "signalées (points en suspens)";
    /// Overview filter: critical gaps.
    FilterCriticalGaps => "critical gaps", "écarts critiques";
    /// Overview: a domain's row.
    OverviewDomain => "{title}  score {score}  target {target}  {covered}/{total} answered",
        "{title}  score {score}  cible {target}  {covered}/{total} réponses";
    /// Overview: a claim above what the checks support, "3→2 evid." (10 columns with the levels).
    OverviewEvidenced => "{claimed}→{evidenced} evid. ", "{claimed}→{evidenced} étayé";

    // Results.
    /// Results: label of the overall score.
    ResultsOverall => " Overall ", " Global ";
    /// Results: the overall level.
    ResultsLevel => " (level {level}: {name})", " (niveau {level}\u{a0}: {name})";
    /// Results: label of the verdict.
    ResultsVerdict => "   Verdict ", "   Verdict ";
    /// Results: label of the coverage.
    ResultsCoverage => " Coverage ", " Couverture ";
    /// Results: the coverage.
    ResultsCoverageValue => "{covered}/{total} ({percent}%)", "{covered}/{total} ({percent}\u{a0}%)";
    /// Results: label of the critical gaps.
    ResultsCriticalGaps => "   Critical gaps ", "   Écarts critiques ";
    /// Results: what a critical gap is.
    ResultsBelowLevel => "   (below level {threshold})", "   (sous le niveau {threshold})";
    /// Results: the bars' title.
    ResultsBars => "Domains: score, target ┃", "Domaines\u{a0}: score, cible ┃";
    /// Results: the bars' title when some domains do not fit.
    ResultsBarsHidden => "Domains: score, target ┃ · {hidden} more below (taller window)",
        "Domaines\u{a0}: score, cible ┃ · {hidden} de plus en dessous (fenêtre plus haute)";
    /// Results: the radar's title and legend.
    ResultsRadar => "Radar: current ━  target ╍", "Radar\u{a0}: actuel ━  cible ╍";
    /// Results: the mark of a claim above the evidence, in the reasons' title.
    ResultsClaimAbove => " · {mark} claim above the evidence", " · {mark} déclaré au-dessus des preuves";
    /// Results: the reasons' title.
    ResultsWhy => "Why this verdict{shown}: {major} major, {minor} minor, {improvement} improvement{legend}",
        "Pourquoi ce verdict{shown}\u{a0}: majeurs {major}, mineurs {minor}, améliorations {improvement}{legend}";
    /// Results: no reason.
    ResultsNoFinding => "No major or minor finding so far.", "Aucun constat majeur ou mineur pour l'instant.";

    // Roadmap.
    /// Roadmap: the pane's title, one item.
    RoadmapTitleOne => "Roadmap{shown} — {count} item from {start}",
        "Feuille de route{shown} — {count} élément à partir du {start}";
    /// Roadmap: the pane's title.
    RoadmapTitleMany => "Roadmap{shown} — {count} items from {start}",
        "Feuille de route{shown} — {count} éléments à partir du {start}";
    /// Roadmap: nothing to do yet.
    RoadmapEmpty => "No gaps to targets yet: answer questions to build the roadmap.",
        "Pas encore d'écart\u{a0}: répondez aux questions pour bâtir la feuille de route.";
    /// Roadmap: a phase's heading.
    RoadmapPhase => "Phase {number} · {title} · {from} to {due} (inclusive)",
        "Phase {number} · {title} · du {from} au {due} (inclus)";
    /// Roadmap: column header, current level → target.
    RoadmapNow => "NOW→", "ACT→";
    /// Roadmap: column header.
    RoadmapPriority => "PRIO", "PRIO";
    /// Roadmap: column header.
    RoadmapEffort => "EFFORT", "EFFORT";
    /// Roadmap: column header.
    RoadmapOwner => "OWNER", "RESPONSABLE";
    /// Roadmap: column header when the owners' column is narrow.
    RoadmapOwnerShort => "OWNER", "RESP.";
    /// Roadmap: column header.
    RoadmapStatus => "STATUS", "ÉTAT";
    /// Roadmap: column header.
    RoadmapQuestion => "QUESTION", "QUESTION";
    /// Roadmap: an item's state.
    RoadmapOpen => "open", "ouvert";
    /// Roadmap: an item's state.
    RoadmapInProgress => "in progress", "en cours";
    /// Roadmap: an item marked done whose question still has its gap.
    RoadmapDone => "done ↻", "terminé ↻";
    /// Roadmap: effort to close a gap.
    EffortLow => "low", "faible";
    /// Roadmap: effort to close a gap.
    EffortMedium => "medium", "moyen";
    /// Roadmap: effort to close a gap.
    EffortHigh => "high", "élevé";
    /// Roadmap: the selected item without an owner.
    RoadmapNoOwner => "no owner yet (o sets one)", "aucun (o pour en désigner un)";
    /// Roadmap: the selected item's owner and due date.
    RoadmapOwnerDue => "Owner: {owner} · due by {due} (inclusive){done}",
        "Responsable\u{a0}: {owner} · échéance le {due} (inclus){done}";
    /// Roadmap: after the due date of an item marked done.
    RoadmapRescore => " · done: re-score the question (Enter) to close the gap",
        " · terminé\u{a0}: réévaluez la question (Entrée) pour combler l'écart";
    /// Roadmap: the parking lot's title.
    RoadmapParked => "Parked in the workshop: {count} to follow up",
        "Questions mises en suspens pendant l'atelier\u{a0}: {count} à suivre";
    /// Roadmap: a parked question without a due date.
    RoadmapNoDate => "no date", "sans date";
    /// Roadmap: a parked question's due date.
    RoadmapParkedDue => "due {due}", "échéance {due}";
    /// Roadmap: a parked question without a reason.
    RoadmapNoReason => "(no reason given)", "(aucun motif donné)";
    /// Roadmap: parked questions that do not fit.
    RoadmapParkedMore => " … {count} more (the report and roadmap.csv list them all)",
        " … {count} de plus (le rapport et roadmap.csv les énumèrent tous)";

    // Targets.
    /// Targets: the pane's title.
    TargetsTitle => "Target level per domain{shown}", "Niveau cible par domaine{shown}";
    /// Targets: what a target is (French shorter: one line at 80 columns).
    TargetsIntro => "The level each domain should reach; gaps and the roadmap count from it.",
        "Niveau visé par domaine\u{202f}; les écarts et la feuille de route en découlent.";
    /// Targets: the readiness threshold.
    TargetsThreshold => "Readiness threshold for critical questions: level {level}",
        "Seuil de préparation des questions critiques\u{a0}: niveau {level}";
    /// Targets: column header.
    TargetsDomain => "Domain", "Domaine";
    /// Targets: column header.
    TargetsTarget => "Target", "Cible";
    /// Targets: column header.
    TargetsScore => "Score", "Score";
    /// Targets: column header.
    TargetsGap => "Gap", "Écart";

    // Export.
    /// Export: the formats' title.
    ExportFormats => "Formats (Space to choose)", "Formats (Espace pour choisir)";
    /// Export: the folder's title.
    ExportFolder => "Folder (o to change)", "Dossier (o pour changer)";
    /// Export: the outcomes' title.
    ExportWritten => "Written (w or Enter to write)", "Fichiers écrits (w ou Entrée pour écrire)";
    /// Export: nothing written yet (French shorter: one line at 80 columns).
    ExportNothingYet => "Nothing written yet. Existing files are only replaced after you confirm.",
        "Aucun fichier écrit. Un fichier existant n'est remplacé qu'après confirmation.";
    /// Export: a file left as it was.
    ExportExists => "! {path} exists (not replaced)", "! {path} existe déjà (non remplacé)";
    /// Export: a format that failed.
    ExportFailed => "✗ {format}: {error}", "✗ {format}\u{a0}: {error}";

    // Statement of Applicability.
    /// SoA: the screen's name.
    SoaName => "Statement of Applicability", "Déclaration d'applicabilité";
    /// SoA: the screen's name below 80 columns.
    SoaNameShort => "SoA", "Applicabilité";
    /// SoA: the pane's title (French without « (f pour filtrer) », which the footer shows:
    /// the full name and the longest filter must fit 80 columns).
    SoaTitle => "{name}{shown} — {filter} (f to filter)", "{name}{shown} — {filter}";
    /// SoA: a questionnaire without controls.
    SoaNone => "This questionnaire defines no controls: there is no Statement of Applicability.",
        "Ce questionnaire ne définit aucune mesure\u{a0}: il n'y a pas de déclaration d'applicabilité.";
    /// SoA: the summary line.
    SoaSummaryLine => "{included} included · {implemented} implemented · {excluded} excluded · {undecided} undecided{added}   (* may not be excluded)",
        "incluses {included} · mises en œuvre {implemented} · exclues {excluded} · non décidées {undecided}{added}   (* obligatoire)";
    /// SoA: controls added in the file.
    SoaAdditional => " (with {count} additional, edited in the file)",
        " (dont {count} additionnelles, gérées dans le fichier)";
    /// SoA: nothing matches the filter.
    SoaEmpty => "No control is {filter}.", "Aucune mesure dans ce filtre\u{a0}: {filter}.";
    /// SoA filter: every control.
    SoaFilterAll => "all controls", "toutes les mesures";
    /// SoA filter: no decision yet.
    SoaFilterUndecided => "undecided", "non décidées";
    /// SoA filter: excluded.
    SoaFilterExcluded => "excluded", "exclues";
    /// SoA filter: included and not implemented (French: « à mettre en œuvre », short
    /// enough for the title at 80 columns).
    SoaFilterNotImplemented => "included, not implemented", "à mettre en œuvre";
    /// SoA: the selected control without a justification.
    SoaNoJustification => "(no justification yet: e to write one)",
        "(pas encore de justification\u{a0}: e pour en rédiger une)";
    /// SoA: the selected control's heading.
    SoaAssessedBy => "{id} {title} — assessed by {question}", "{id} {title} — évaluée par {question}";
    /// SoA: the selected control's justification.
    SoaJustification => "Justification: {justification}", "Justification\u{a0}: {justification}";

    // Evidence register.
    /// Register: the title while picking an item for a check.
    RegisterPick => "Evidence register — pick the item for {target} (Enter links it)",
        "Registre des preuves — choisir l'élément pour {target} (Entrée le lie)";
    /// Register: the title, one item.
    RegisterTitleOne => "Evidence register — {count} item", "Registre des preuves — {count} élément";
    /// Register: the title.
    RegisterTitleMany => "Evidence register — {count} items", "Registre des preuves — {count} éléments";
    /// Register: empty (one line per line of text).
    RegisterEmpty => "The register is empty. Open a question's checks (t) and press a to add a file or a link,\nor from a shell: aims-readiness evidence add FILE PATH --question ID",
        "Le registre est vide. Ouvrez les points de vérification d'une question (t)\net appuyez sur a pour ajouter un fichier ou un lien, ou, depuis un terminal\u{a0}:\naims-readiness evidence add FICHIER CHEMIN --question ID";
    /// Register: column header.
    RegisterId => "ID", "ID";
    /// Register: column header, the file's state at the last check.
    RegisterFileNow => "FILE NOW", "ÉTAT";
    /// Register: column header.
    RegisterTitle => "TITLE", "TITRE";
    /// Register: column header.
    RegisterKind => "KIND", "TYPE";
    /// Register: column header.
    RegisterLocation => "LOCATION", "EMPLACEMENT";
    /// Register: column header.
    RegisterDated => "DATED", "DATE";
    /// Register: column header (French abbreviated as the roadmap's narrow column: the
    /// column is too narrow for « RESPONSABLE » even at 120 columns).
    RegisterOwner => "OWNER", "RESP.";
    /// Register: column header.
    RegisterUsedBy => "USED BY", "UTILISÉE PAR";
    /// Register: a file as it was added.
    FileUnchanged => "unchanged", "inchangé";
    /// Register: a file changed since it was added.
    FileChanged => "changed", "modifié";
    /// Register: a file no longer there.
    FileMissing => "missing", "manquant";
    /// Register: a file being checked.
    FileChecking => "checking…", "en cours…";
    /// Register: an item's size.
    RegisterBytes => "{count} bytes", "{count} octets";
    /// Register: an item's date.
    RegisterDatedOn => "dated {date}", "datée du {date}";
    /// Register: an item's owner.
    RegisterOwnerIs => "owner {owner}", "responsable\u{a0}: {owner}";
    /// Register: a file not checked yet.
    RegisterNotChecked => "not checked yet: press v to re-hash the files",
        "pas encore vérifié\u{a0}: v pour recalculer les empreintes";
    /// Register: a file's state with its reason.
    RegisterStateBecause => "{state} ({reason})", "{state} ({reason})";
    /// Register: an item that is not a file.
    RegisterNotAFile => "not a file: nothing to re-hash", "pas un fichier\u{a0}: aucune empreinte à recalculer";
    /// Register: an item no answer uses.
    RegisterUnused => "nothing yet", "rien pour l'instant";
    /// Register: label under the list.
    RegisterLabelLocation => "location", "emplacement";
    /// Register: label under the list.
    RegisterLabelUsedBy => "used by", "utilisée par";
    /// Register: label under the list.
    RegisterLabelFileNow => "file now", "état du fichier";

    // Details.
    /// Details: the pane's title (French shorter: with the range shown, the title must
    /// still fit 80 columns).
    DetailsTitle => "Assessment details{shown} — Enter edits the selected field, saved at once",
        "Détails de l'évaluation{shown} — Entrée\u{a0}: modifier et enregistrer";
    /// Details: a group's heading.
    DetailsGroupAssessment => "The assessment", "L'évaluation";
    /// Details: a group's heading.
    DetailsGroupReport => "The report", "Le rapport";
    /// Details: a group's heading.
    DetailsGroupDocument => "Document control", "Maîtrise documentaire";
    /// Details: a group's heading.
    DetailsGroupSummary => "Executive summary", "Sommaire";
    /// Details: row label.
    DetailsOrganisation => "Organisation", "Organisme";
    /// Details: row label.
    DetailsScope => "Scope", "Domaine d'application";
    /// Details: row label.
    DetailsAssessors => "Assessors", "Équipe d'évaluation";
    /// Details: row label.
    DetailsLanguage => "Report language", "Langue du rapport";
    /// Details: row label.
    DetailsVersion => "Version", "Version";
    /// Details: row label.
    DetailsClassification => "Classification", "Classification";
    /// Details: row label.
    DetailsAuthor => "Author", "Rédaction";
    /// Details: row label.
    DetailsApprover => "Approver", "Approbation";
    /// Details: row label.
    DetailsApproved => "Approved on", "Date d'approbation";
    /// Details: row label.
    DetailsConclusion => "Assessor's conclusion", "Conclusion";
    /// Details: the report's language chosen.
    DetailsLanguageSet => "{name} ({code}) · Enter changes it", "{name} ({code}) · Entrée pour changer";
    /// Details: the report's language not chosen, so the interface's.
    DetailsLanguageInterface => "{name} (the interface's) · Enter changes it",
        "{name} (comme l'interface) · Entrée pour changer";
    /// Details: the selected field, empty.
    DetailsEmpty => "(empty: Enter to fill it in)", "(vide\u{a0}: Entrée pour le remplir)";
    /// Details: the status line after a new report language.
    DetailsLanguageSaved => "Reports will be written in {name} ({code}).",
        "Langue des rapports\u{a0}: {name} ({code}).";
    /// Details: a date typed in another form.
    DetailsNotADate => "\"{text}\" is not a date: type it as YYYY-MM-DD, for example 2027-01-04.",
        "«\u{a0}{text}\u{a0}» n'est pas une date\u{a0}: saisissez-la sous la forme AAAA-MM-JJ, par exemple 2027-01-04.";
    /// Details: saved.
    DetailsSaved => "Assessment details saved.", "Détails de l'évaluation enregistrés.";
    /// Details: saved.
    DocumentSaved => "Document control saved.", "Maîtrise documentaire enregistrée.";
    /// Details: saved.
    ConclusionSaved => "Conclusion saved.", "Conclusion enregistrée.";
    /// Results: a domain's note saved.
    DomainNoteSaved => "Domain note saved.", "Note du domaine enregistrée.";
}

impl ScreenText {
    /// The widest of `texts` in `lang`, in terminal columns: a column that holds any
    /// of them.
    pub fn widest(lang: Lang, texts: &[ScreenText]) -> usize {
        texts
            .iter()
            .map(|t| crate::text::str_width(lang.t(*t)))
            .max()
            .unwrap_or(0)
    }
}
