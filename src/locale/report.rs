//! The exports' catalogue: every word of the report (md, html), the radar chart and
//! the CSV headers, in English and French. Kept apart from the interface's texts
//! ([`super::Text`]) because it is long and read by other people (a board, an auditor).

use super::catalog::catalogue;

catalogue! {
    ReportText;
    /// "Label: " before a value; French puts a no-break space before the colon.
    Label => "{label}: ", "{label}\u{a0}: ";
    /// Separates the items of a list written in a sentence.
    ListSeparator => "; ", "\u{202f}; ";
    /// Not applicable, in a table cell.
    NotApplicableShort => "N/A", "S.\u{a0}O.";
    /// The document title.
    Title => "Maturity report: {organisation}", "Rapport de maturité\u{a0}: {organisation}";
    /// The organisation when none is set.
    OrganisationNotSet => "organisation not set", "organisme non précisé";
    /// A roadmap item's status.
    StatusOpen => "open", "ouvert";
    /// A roadmap item's status.
    StatusInProgress => "in progress", "en cours";
    /// A roadmap item marked done whose question is still below target.
    StatusDoneReassess => "done — re-assess", "terminé — à réévaluer";
    /// Section title.
    SectionContents => "Contents", "Table des matières";
    /// Section title.
    SectionSummary => "Executive summary", "Sommaire";
    /// Section title.
    SectionSoa => "Statement of Applicability", "Déclaration d'applicabilité";
    /// Section title.
    SectionEvidence => "Evidence register", "Registre des preuves";
    /// Section title.
    SectionProfile => "Maturity profile", "Profil de maturité";
    /// Section title.
    SectionBaseline => "Progress since the baseline", "Progrès depuis l'évaluation de référence";
    /// Section title.
    SectionFindings => "Findings", "Constats";
    /// Section title.
    SectionRoadmap => "Roadmap", "Feuille de route";
    /// Section title.
    SectionOwners => "Actions by owner", "Actions par responsable";
    /// Section title.
    SectionWorkshop => "Workshop minutes", "Compte rendu de l'atelier";
    /// Section title.
    SectionAppendix => "Appendix: answers by question", "Annexe\u{a0}: réponses par question";
    /// Section title.
    SectionMethod => "Method", "Méthode";
    /// Cover field.
    CoverOrganisation => "Organisation", "Organisme";
    /// Cover field.
    CoverVersion => "Version", "Version";
    /// Cover field.
    CoverScope => "Scope", "Domaine d'application";
    /// Cover field.
    CoverClassification => "Classification", "Classification";
    /// Cover field.
    CoverAssessors => "Assessors", "Évaluation réalisée par";
    /// Cover field.
    CoverAuthor => "Author", "Rédaction";
    /// Cover field.
    CoverQuestionnaire => "Questionnaire", "Questionnaire";
    /// Cover field.
    CoverApprover => "Approver", "Approbation";
    /// Cover field.
    CoverLastAnswer => "Last answer", "Dernière réponse";
    /// Cover field.
    CoverGenerated => "Generated", "Produit le";
    /// Who approved the report, and when.
    ApprovedOn => "{who}, approved {day}", "{who}, approuvé le {day}";
    /// An approver who has not approved yet.
    NotApprovedYet => "{who}, not approved yet", "{who}, pas encore approuvé";
    /// A questionnaire and its version.
    QuestionnaireVersion => "{title} version {version}", "{title}, version {version}";
    /// No answer yet.
    NoneYet => "none yet", "aucune pour l'instant";
    /// When the report was made: date, time and offset.
    GeneratedAt => "{day} {time} {offset}", "{day}, {time} ({offset})";
    /// Label before the verdict.
    Verdict => "Verdict", "Verdict";
    /// After the verdict: the overall maturity.
    OverallMaturity => " — overall maturity {score} of 5 (level {level}, {name}); {covered} of {total} questions answered",
        " — maturité globale de {score} sur 5 (niveau {level}, {name})\u{202f}; réponse à {covered} questions sur {total}";
    /// After the verdict, before any answer.
    NothingAnswered => " — no question answered yet (0 of {total})",
        " — aucune réponse pour l'instant (0 question sur {total})";
    /// After a provisional verdict.
    ProvisionalUntil => "; the verdict is provisional until every question is answered or marked not applicable",
        "\u{202f}; le verdict reste provisoire jusqu'à ce que chaque question ait une réponse ou soit marquée sans objet";
    /// Label before the reasons of the verdict.
    Why => "Why", "Pourquoi";
    /// No finding decides the verdict.
    NoMajorOrMinor => "no major or minor finding: no critical question is below level {threshold}.",
        "aucun constat majeur ou mineur\u{a0}: aucune question critique n'est sous le niveau {threshold}.";
    /// The findings by grade, one improvement, before the list of reasons.
    FindingsDecideOne => "{major} major, {minor} minor, {improvement} improvement; the findings that decide it, most severe first:",
        "constats majeurs {major}, mineurs {minor}, pistes d'amélioration {improvement}\u{202f}; ceux qui déterminent le verdict, par ordre de gravité\u{a0}:";
    /// The findings by grade, several improvements, before the list of reasons.
    FindingsDecideMany => "{major} major, {minor} minor, {improvement} improvements; the findings that decide it, most severe first:",
        "constats majeurs {major}, mineurs {minor}, pistes d'amélioration {improvement}\u{202f}; ceux qui déterminent le verdict, par ordre de gravité\u{a0}:";
    /// More reasons than the summary lists.
    MoreSeeFindings => "and {count} more (see Findings)", "et {count} autres (voir Constats)";
    /// Summary fact.
    EarliestAudit => "Earliest realistic certification audit", "Audit de certification envisageable au plus tôt";
    /// After a date that may move.
    ProvisionalMark => " (provisional)", " (provisoire)";
    /// The earliest audit date.
    ByTheMethodRule => "{day}{provisional}, by the rule in the method section.",
        "{day}{provisional}, selon la règle décrite dans la méthode.";
    /// Summary fact.
    ChangeSinceBaseline => "Change since the baseline", "Évolution depuis l'évaluation de référence";
    /// Summary fact.
    Strengths => "Strengths", "Points forts";
    /// A domain at or above its target.
    Strength => "{title} {score} (target {target})", "{title} {score} (cible {target})";
    /// No domain at its target.
    NoStrengthYet => "none yet: no domain has reached its target.",
        "aucun pour l'instant (aucun domaine n'a atteint sa cible).";
    /// Summary fact.
    AssessorConclusion => "Assessor's conclusion", "Conclusion de l'évaluation";
    /// A conclusion not written.
    NotWrittenYet => "not written yet.", "pas encore rédigée.";
    /// Summary heading.
    FirstFiveActions => "First five actions", "Cinq premières actions";
    /// An empty roadmap.
    NoActionNeeded => "No action needed: every answered question is at or above its target.",
        "Aucune action requise\u{a0}: chaque question ayant une réponse atteint ou dépasse sa cible.";
    /// An action with no owner.
    NoOwnerYet => "no owner yet", "sans responsable";
    /// An action's owner.
    OwnerIs => "owner {owner}", "responsable\u{a0}: {owner}";
    /// After an action: its question, due date and owner.
    ActionDue => " — {question}, due {due}, {owner}", " — {question}, échéance le {due}, {owner}";
    /// No baseline.
    NoBaseline => "no baseline to compare with (a first assessment).",
        "aucune référence à comparer (première évaluation).";
    /// The change since the baseline in one line.
    ChangeLine => "score {was} → {now}{delta}; verdict {verdict_was} → {verdict_now}; critical gaps {gaps_was} → {gaps_now} ({closed} closed, {new} new); baseline of {day}{provisional}.",
        "score {was} → {now}{delta}\u{202f}; verdict {verdict_was} → {verdict_now}\u{202f}; écarts critiques {gaps_was} → {gaps_now} (comblés {closed}, nouveaux {new})\u{202f}; référence du {day}{provisional}.";
    /// A provisional baseline.
    BaselineProvisional => ", provisional (not every question was answered)",
        ", provisoire (certaines questions étaient sans réponse)";
    /// A verdict before any answer, in a sentence.
    NotAssessedWord => "not assessed", "non évalué";
    /// The chart's text alternative.
    ChartAlt => "Radar chart: current maturity and target level per domain",
        "Graphique radar\u{a0}: maturité actuelle et niveau cible par domaine";
    /// Column heading.
    ColDomain => "Domain", "Domaine";
    /// Column heading.
    ColScore => "Score", "Score";
    /// Column heading.
    ColLevel => "Level", "Niveau";
    /// Column heading.
    ColTarget => "Target", "Cible";
    /// Column heading.
    ColGap => "Gap", "Écart";
    /// Column heading.
    ColAnswered => "Answered", "Réponses";
    /// Column heading.
    ColBaseline => "Baseline", "Référence";
    /// Column heading.
    ColNow => "Now", "Actuel";
    /// Column heading.
    ColChange => "Change", "Évolution";
    /// Column heading.
    ColQuestion => "Question", "Question";
    /// Column heading.
    ColClauses => "Clauses", "Articles";
    /// Column heading.
    ColMissing => "What is missing", "Ce qui manque";
    /// Column heading.
    ColItemActions => "Item and actions", "Élément et actions";
    /// Column heading.
    ColOwner => "Owner", "Responsable";
    /// Column heading.
    ColStatus => "Status", "État";
    /// Column heading.
    ColNextAction => "Next action", "Prochaine action";
    /// Column heading.
    ColItem => "Item", "Élément";
    /// Column heading.
    ColDue => "Due", "Échéance";
    /// Column heading.
    ColId => "Id", "ID";
    /// Column heading.
    ColTitle => "Title", "Titre";
    /// Column heading.
    ColKind => "Kind", "Type";
    /// Column heading.
    ColLocation => "Location", "Emplacement";
    /// Column heading.
    ColDated => "Dated", "Date";
    /// Column heading.
    ColUsedBy => "Used by", "Utilisée par";
    /// Column heading.
    ColControl => "Control", "Mesure";
    /// Column heading.
    ColDecision => "Decision", "Décision";
    /// Column heading.
    ColJustification => "Justification", "Justification";
    /// Column heading.
    ColProgress => "Progress", "Avancement";
    /// Column heading.
    ColParticipant => "Participant", "Participant";
    /// Column heading.
    ColVotes => "Votes", "Votes";
    /// Column heading.
    ColNotes => "Notes", "Notes";
    /// Column heading.
    ColSpread => "Spread", "Dispersion";
    /// Column heading.
    ColResult => "Result", "Résultat";
    /// Column heading.
    ColReason => "Reason", "Motif";
    /// Column heading.
    ColTime => "Time", "Durée";
    /// Column heading.
    ColQuestionsTimed => "Questions timed", "Questions chronométrées";
    /// Profile heading.
    NotesByDomain => "Assessor's notes by domain", "Notes de l'évaluation par domaine";
    /// No domain note.
    NotesNotWritten => "Not written yet.", "Pas encore rédigées.";
    /// A provisional baseline, in the progress section.
    BaselineWasProvisional => " It was provisional: {covered} of {total} questions were answered then.",
        " Elle était provisoire\u{a0}: {covered} questions sur {total} avaient alors reçu une réponse.";
    /// The progress section's first paragraph.
    BaselineIntro => "Baseline: the assessment last answered on {day}.{provisional} Overall {before} → {after} ({delta}); changes are computed from the unrounded scores.",
        "Référence\u{a0}: l'évaluation dont la dernière réponse date du {day}.{provisional} Score global {before} → {after} ({delta})\u{202f}; les évolutions sont calculées à partir des scores non arrondis.";
    /// Progress heading.
    GapsClosed => "Critical gaps closed ({count})", "Écarts critiques comblés ({count})";
    /// Progress heading.
    GapsNew => "New critical gaps ({count})", "Nouveaux écarts critiques ({count})";
    /// No gap closed.
    NoneClosed => "None closed.", "Aucun comblé.";
    /// No new gap.
    NoneNew => "None new.", "Aucun nouveau.";
    /// Progress heading.
    ChangedAnswers => "Changed answers", "Réponses modifiées";
    /// No answer changed.
    NoAnswerChanged => "No answer changed.", "Aucune réponse n'a changé.";
    /// A level whose claim the evidence did not support.
    ClaimedLevel => "{level} (claimed {claimed})", "{level} (déclaré {claimed})";
    /// Findings heading.
    CriticalGaps => "Critical gaps ({count})", "Écarts critiques ({count})";
    /// Findings paragraph.
    CriticalGapsIntro => "Critical questions below level {threshold}, the readiness threshold: an auditor would likely raise each as a nonconformity. What is missing is the next level's description.",
        "Questions critiques sous le niveau {threshold}, le seuil de préparation\u{a0}: lors d'un audit, chacune serait probablement relevée comme une non-conformité. Ce qui manque correspond à la description du niveau suivant.";
    /// Nothing in a list.
    NoneDot => "None.", "Aucun.";
    /// Findings heading.
    OtherGaps => "Other gaps below target ({count})", "Autres écarts sous la cible ({count})";
    /// Findings paragraph, one question.
    OtherGapsIntroOne => "{count} question below its domain's target: opportunities for improvement, in roadmap order.",
        "{count} question sous la cible de son domaine\u{a0}: pistes d'amélioration, dans l'ordre de la feuille de route.";
    /// Findings paragraph, several questions.
    OtherGapsIntroMany => "{count} questions below their domain's target: opportunities for improvement, in roadmap order.",
        "{count} questions sous la cible de leur domaine\u{a0}: pistes d'amélioration, dans l'ordre de la feuille de route.";
    /// Roadmap paragraph, one item.
    RoadmapIntroOne => "{count} item, ordered by priority (gap × weight, doubled for a critical gap), from {start}. An item marked done whose question is still below target reads \"done — re-assess\": answer the question again to close it.",
        "{count} élément, classé par priorité (écart × poids, doublé pour un écart critique), à partir du {start}. Un élément marqué terminé dont la question reste sous la cible est indiqué «\u{a0}terminé — à réévaluer\u{a0}»\u{a0}: répondez de nouveau à la question pour le clore.";
    /// Roadmap paragraph, several items.
    RoadmapIntroMany => "{count} items, ordered by priority (gap × weight, doubled for a critical gap), from {start}. An item marked done whose question is still below target reads \"done — re-assess\": answer the question again to close it.",
        "{count} éléments, classés par priorité (écart × poids, doublé pour un écart critique), à partir du {start}. Un élément marqué terminé dont la question reste sous la cible est indiqué «\u{a0}terminé — à réévaluer\u{a0}»\u{a0}: répondez de nouveau à la question pour le clore.";
    /// A roadmap phase heading.
    PhaseHeading => "Phase {number}: {title} ({start} to {due})", "Phase {number}\u{a0}: {title} (du {start} au {due})";
    /// Phase 1.
    PhaseQuickWins => "Quick wins and blockers", "Gains rapides et obstacles";
    /// Phase 2.
    PhaseFoundations => "Foundations", "Fondations";
    /// Phase 3.
    PhaseMaturity => "Maturity", "Maturité";
    /// An empty phase.
    NothingInPhase => "Nothing in this phase.", "Rien dans cette phase.";
    /// A critical roadmap item.
    CriticalMark => " (critical)", " (critique)";
    /// Nobody to assign.
    NoActionToAssign => "No action to assign.", "Aucune action à attribuer.";
    /// The group of items without an owner.
    NoOwnerGroup => "No owner yet", "Sans responsable";
    /// An owner's heading, one item.
    OwnerItemsOne => "{owner} ({count} item)", "{owner} ({count} élément)";
    /// An owner's heading, several items.
    OwnerItemsMany => "{owner} ({count} items)", "{owner} ({count} éléments)";
    /// An answer: not applicable.
    AnswerNotApplicable => "not applicable", "sans objet";
    /// An answer: a level and its descriptor.
    AnswerLevel => "level {level} ({name}): {text}", "niveau {level} ({name})\u{a0}: {text}";
    /// No answer.
    NotAnswered => "not answered", "sans réponse";
    /// Appendix fact.
    Answer => "Answer", "Réponse";
    /// Appendix fact.
    Target => "Target", "Cible";
    /// After a target: the gap.
    GapOf => ", gap {gap}", ", écart de {gap}";
    /// After a target.
    CriticalGapMark => ", critical gap", ", écart critique";
    /// After a target.
    CriticalQuestionMark => ", critical question", ", question critique";
    /// Appendix fact.
    References => "References", "Références";
    /// A flagged answer.
    Flagged => "flagged for follow-up", "signalée pour suivi";
    /// A flagged answer with its reason.
    FlaggedBecause => "flagged for follow-up: {reason}", "signalée pour suivi\u{a0}: {reason}";
    /// Appendix fact.
    FollowUp => "Follow-up", "Suivi";
    /// Appendix fact.
    ToRecheck => "To re-check", "À revérifier";
    /// An answer carried over from an earlier questionnaire.
    CarriedOverAnswer => "carried over from an earlier version of the questionnaire, where this question was different; not yet confirmed",
        "reprise d'une version antérieure du questionnaire, où cette question était différente\u{202f}; pas encore confirmée";
    /// Appendix label.
    Note => "Note", "Note";
    /// Appendix label.
    Evidence => "Evidence", "Preuves";
    /// Appendix heading.
    RetiredQuestions => "Questions no longer asked", "Questions qui ne sont plus posées";
    /// A retired answer's level.
    LevelN => "level {level}", "niveau {level}";
    /// A retired answer.
    RetiredAnswer => "{id} (questionnaire version {version}): {level}", "{id} (questionnaire, version {version})\u{a0}: {level}";
    /// A retired answer's note.
    RetiredNote => "; note: {note}", "\u{202f}; note\u{a0}: {note}";
    /// Method paragraph.
    MethodScale => "Each question is answered on a five-level scale: {levels}. Only answered questions count; questions marked not applicable (with a justification) are left out of the scores.",
        "On répond à chaque question sur une échelle à cinq niveaux\u{a0}: {levels}. Seules les questions qui ont une réponse comptent\u{202f}; les questions marquées sans objet (avec une justification) sont exclues des scores.";
    /// Method term.
    DomainScore => "Domain score", "Score d'un domaine";
    /// Method definition.
    DomainScoreRule => "the weighted mean of the levels of its answered questions (weights 1 to 3); its level is the whole band reached.",
        "la moyenne pondérée des niveaux des questions du domaine qui ont une réponse (poids de 1 à 3)\u{202f}; son niveau est le palier entier atteint.";
    /// Method term.
    OverallScore => "Overall score", "Score global";
    /// Method definition.
    OverallScoreRule => "the mean of the domain scores that exist.", "la moyenne des scores de domaine existants.";
    /// Method term.
    Gap => "Gap", "Écart";
    /// Method definition.
    GapRule => "how far a question or a domain is below its domain's target level.",
        "la distance entre une question ou un domaine et le niveau cible de son domaine.";
    /// Method term.
    CriticalGap => "Critical gap", "Écart critique";
    /// Method definition.
    CriticalGapRule => "a question marked critical answered below level {threshold}, the readiness threshold.",
        "une question marquée critique dont la réponse est sous le niveau {threshold}, le seuil de préparation.";
    /// Method definition.
    VerdictRule => "not ready with any critical gap; nearly ready when a domain scores below the threshold; otherwise ready. It is provisional while questions remain unanswered.",
        "pas prêt dès qu'il y a un écart critique\u{202f}; presque prêt lorsqu'un domaine obtient un score sous le seuil\u{202f}; prêt sinon. Il reste provisoire tant que des questions sont sans réponse.";
    /// Method term.
    Roadmap => "Roadmap", "Feuille de route";
    /// Method definition.
    RoadmapRule => "one item per question below target, prioritised by gap × weight, doubled for a critical gap. Phase 1 (months 0–3) takes low-effort gaps and medium-effort critical gaps, phase 2 (months 3–6) the other critical gaps and medium-effort gaps, phase 3 (months 6–12) the rest. An item marked done stays in the roadmap, as \"done — re-assess\", until its question is answered at its target.",
        "un élément par question sous la cible, classé selon écart × poids, doublé pour un écart critique. La phase 1 (mois 0 à 3) regroupe les écarts demandant peu d'effort et les écarts critiques demandant un effort moyen, la phase 2 (mois 3 à 6) les autres écarts critiques et les écarts demandant un effort moyen, la phase 3 (mois 6 à 12) le reste. Un élément marqué terminé reste dans la feuille de route, indiqué «\u{a0}terminé — à réévaluer\u{a0}», jusqu'à ce que sa question atteigne la cible.";
    /// Method definition.
    EarliestAuditRule => "the latest due date of the roadmap items that close critical gaps (the roadmap start when there is none), plus {months} months: a certification body expects the management system to have run and left records, at least one internal audit and one management review (clauses 9.2 and 9.3), before its audit. It is a planning date, not a promise.",
        "la dernière échéance des éléments de la feuille de route qui comblent des écarts critiques (le début de la feuille de route s'il n'y en a pas), plus {months} mois\u{a0}: un organisme de certification s'attend à ce que le système de management ait fonctionné et laissé des enregistrements, dont au moins un audit interne et une revue de direction (articles 9.2 et 9.3), avant son audit. C'est une date de planification, pas une promesse.";
    /// Method term.
    Numbers => "Numbers", "Nombres";
    /// Method definition.
    NumbersRule => "scores are shown rounded to one decimal, half away from zero (2.25 shows as 2.3); changes are computed from the unrounded scores, so a change can differ by 0.1 from the difference of the two rounded figures. results.json keeps every score unrounded.",
        "les scores sont arrondis à une décimale, la moitié s'éloignant de zéro (2,25 s'affiche 2,3)\u{202f}; les évolutions sont calculées à partir des scores non arrondis et peuvent donc différer de 0,1 de l'écart entre les deux chiffres arrondis. Le fichier results.json conserve tous les scores sans arrondi.";
    /// Method closing note.
    MethodNote => "Questionnaire {id} version {version}. This report is a self-assessment aid, not a certification audit.",
        "Questionnaire {id}, version {version}. Ce rapport est une aide à l'autoévaluation, et non un audit de certification.";
    /// Evidence register paragraph.
    RegisterIntro => "What supports the answers. Files are listed by path with the SHA-256 and size they had when added (no file is copied); the command aims-readiness evidence verify tells whether each is unchanged.",
        "Ce qui appuie les réponses. Les fichiers sont indiqués par leur chemin, avec l'empreinte SHA-256 et la taille qu'ils avaient à l'ajout (aucun fichier n'est copié)\u{202f}; la commande aims-readiness evidence verify indique si chacun est inchangé.";
    /// A file's size.
    Bytes => ", {count} bytes", ", {count} octets";
    /// Evidence register label.
    FullHashes => "Full hashes", "Empreintes complètes";
    /// No level claimed.
    NoLevelClaimed => "no level claimed", "aucun niveau déclaré";
    /// A claimed level.
    Claimed => "claimed {level}", "niveau déclaré {level}";
    /// Claimed, evidenced and scored levels.
    EvidenceLevels => "{claim} · evidence supports {evidenced} · scored {scored}",
        "{claim} · preuves à l'appui du niveau {evidenced} · niveau retenu {scored}";
    /// An unmet check.
    UnmetCheck => "{id} (level {level}) {text}", "{id} (niveau {level}) {text}";
    /// Appendix fact.
    ChecksNotMet => "Checks not met", "Points de vérification non satisfaits";
    /// The findings by grade, one improvement.
    FindingsCountOne => "{major} major, {minor} minor, {improvement} improvement.",
        "majeurs {major}, mineurs {minor}, pistes d'amélioration {improvement}.";
    /// The findings by grade, several improvements.
    FindingsCountMany => "{major} major, {minor} minor, {improvement} improvements.",
        "majeurs {major}, mineurs {minor}, pistes d'amélioration {improvement}.";
    /// Findings heading.
    WhyThisVerdict => "Why this verdict", "Ce qui détermine le verdict";
    /// More reasons than the findings list.
    MoreSeeSoa => "and {count} more (see the findings and the Statement of Applicability).",
        "et {count} autres (voir les constats et la déclaration d'applicabilité).";
    /// The Statement of Applicability's first paragraph.
    SoaIntro => "{count} controls: {included} included ({implemented} implemented), {excluded} excluded, {undecided} without a decision. An exclusion needs a justification; a control required by a mandatory clause cannot be excluded.",
        "{count} mesures\u{a0}: incluses {included} (mises en œuvre {implemented}), exclues {excluded}, sans décision {undecided}. Une exclusion doit être justifiée\u{202f}; une mesure exigée par un article obligatoire ne peut pas être exclue.";
    /// Statement of Applicability heading.
    AdditionalControls => "Additional controls", "Mesures additionnelles";
    /// A question without consensus.
    Unanswered => "unanswered", "sans réponse";
    /// Workshop paragraph, one participant.
    VotedOne => "{count} participant voted on {voted} of {total} questions",
        "{count} participant a voté sur {voted} des {total} questions";
    /// Workshop paragraph, several participants.
    VotedMany => "{count} participants voted on {voted} of {total} questions",
        "{count} participants ont voté sur {voted} des {total} questions";
    /// Workshop paragraph, one result pending.
    PendingOne => "; {count} result still to confirm", "\u{202f}; {count} résultat reste à confirmer";
    /// Workshop paragraph, several results pending.
    PendingMany => "; {count} results still to confirm", "\u{202f}; {count} résultats restent à confirmer";
    /// Workshop paragraph: the time spent.
    TimeSpent => "; {time} spent in total", "\u{202f}; {time} au total";
    /// Workshop heading.
    Attendance => "Attendance", "Présences";
    /// Workshop heading.
    Decisions => "Decisions", "Décisions";
    /// Workshop heading.
    Overrides => "Overrides", "Résultats modifiés";
    /// Workshop heading.
    ParticipantNotes => "Participants' notes", "Notes des participants";
    /// Workshop heading.
    ParkingLot => "Parking lot", "Points en suspens";
    /// Workshop heading.
    TimePerDomain => "Time per domain", "Temps passé par domaine";
    /// A pending consensus.
    ProposedNotConfirmed => " (proposed, not confirmed)", " (proposé, non confirmé)";
    /// An overridden consensus.
    OverrideMark => " (override; votes proposed {proposal})", " (modifié\u{202f}; les votes proposaient {proposal})";
    /// An override explained.
    OverrideLine => ": set to {result} where the votes proposed {proposal}; {reason}",
        "\u{a0}: fixé à {result} alors que les votes proposaient {proposal}\u{202f}; {reason}";
    /// An override without reason.
    NoReasonRecorded => "no reason recorded", "aucun motif consigné";
    /// An override's reason.
    AnswerNote => "the answer's note: {note}", "note de la réponse\u{a0}: {note}";
    /// No override.
    NoOverride => "None: every confirmed result is the one the votes proposed.",
        "Aucun\u{a0}: chaque résultat confirmé est celui que les votes proposaient.";
    /// No participant note.
    NoParticipantNote => "No note was attributed to a participant.",
        "Aucune note n'a été attribuée à un participant.";
    /// Private notes left out, one.
    PrivateNotesOne => "{count} note marked private by the facilitator left out.",
        "{count} note marquée privée par l'animation a été omise.";
    /// Private notes left out, several.
    PrivateNotesMany => "{count} notes marked private by the facilitator left out.",
        "{count} notes marquées privées par l'animation ont été omises.";
    /// An empty parking lot.
    NothingParked => "No question was parked for follow-up.", "Aucune question n'a été mise en suspens pour suivi.";
    /// A parked question without reason.
    NoReasonGiven => "(no reason given)", "(aucun motif donné)";
    /// CSV column.
    CsvRank => "rank", "rang";
    /// CSV column.
    CsvPhase => "phase", "phase";
    /// CSV column.
    CsvStart => "start", "début";
    /// CSV column.
    CsvDue => "due", "échéance";
    /// CSV column.
    CsvDomain => "domain", "domaine";
    /// CSV column.
    CsvQuestionId => "question id", "id de la question";
    /// CSV column.
    CsvQuestion => "question", "question";
    /// CSV column.
    CsvQuestionText => "question text", "texte de la question";
    /// CSV column.
    CsvClauseRefs => "clause refs", "références";
    /// CSV column.
    CsvCurrent => "current", "niveau actuel";
    /// CSV column.
    CsvTarget => "target", "cible";
    /// CSV column.
    CsvGap => "gap", "écart";
    /// CSV column.
    CsvCritical => "critical", "critique";
    /// CSV column.
    CsvPriority => "priority", "priorité";
    /// CSV column.
    CsvEffort => "effort", "effort";
    /// CSV column.
    CsvActions => "actions", "actions";
    /// CSV column.
    CsvOwner => "owner", "responsable";
    /// CSV column.
    CsvStatus => "status", "état";
    /// CSV column.
    CsvNote => "note", "note";
    /// CSV column.
    CsvControlId => "control id", "id de la mesure";
    /// CSV column.
    CsvObjective => "objective", "objectif";
    /// CSV column.
    CsvTitle => "title", "titre";
    /// CSV column.
    CsvIncluded => "included", "incluse";
    /// CSV column.
    CsvJustification => "justification", "justification";
    /// CSV column.
    CsvImplementation => "implementation", "mise en œuvre";
    /// CSV column.
    CsvEvidence => "evidence", "preuves";
    /// CSV column.
    CsvQuestionLevel => "question level", "niveau de la question";
    /// CSV column.
    CsvFinding => "finding", "constat";
    /// A yes in a CSV cell.
    Yes => "yes", "oui";
    /// A no in a CSV cell.
    No => "no", "non";
    /// An organisation's own control in soa.csv.
    AdditionalFrom => "additional ({source})", "additionnelle ({source})";
    /// Chart legend: the current profile.
    ChartCurrent => "Current (overall {score})", "Niveau actuel (global {score})";
    /// Chart legend: the baseline.
    ChartBaseline => "Baseline {day} (overall {score})", "Référence du {day} (global {score})";
    /// Chart title when no organisation is set.
    ChartOrganisationNotSet => "Organisation not set", "Organisme non précisé";
    /// Chart subtitle.
    ChartSubtitle => "{title} · last answer {day} · {covered} of {total} questions answered",
        "{title} · dernière réponse le {day} · réponse à {covered} questions sur {total}";
    /// Chart verdict line, one critical gap.
    ChartGapsOne => "{verdict} · {count} critical gap", "{verdict} · {count} écart critique";
    /// Chart verdict line, several critical gaps.
    ChartGapsMany => "{verdict} · {count} critical gaps", "{verdict} · {count} écarts critiques";
    /// Chart note before any answer.
    ChartTargetsOnly => "No question answered yet: the chart shows the targets only.",
        "Aucune réponse pour l'instant\u{a0}: le graphique ne montre que les cibles.";
    /// An axis label's baseline score.
    ChartWas => " (was {score})", " (avant\u{a0}: {score})";
    /// An evidence item's kind: a file.
    KindFile => "file", "fichier";
    /// An evidence item's kind: a web address.
    KindLink => "link", "lien";
    /// An evidence item's kind: a record held elsewhere.
    KindRecord => "record", "enregistrement";
    /// The printed page number in the HTML report's footer.
    PageOf => "Page {page} of {pages}", "Page {page} de {pages}";
    /// Attendance column: when the person joined.
    ColJoined => "Joined", "Arrivée";
    /// Attendance column: when the person left.
    ColLeft => "Left", "Départ";
    /// Attendance: stayed to the end.
    PresentToEnd => "present to the end", "à la fin de l'atelier";
    /// An override's recorded reason.
    OverrideReason => "reason: {reason}", "motif\u{a0}: {reason}";
    /// Roadmap heading: questions parked in a workshop.
    ParkedFollowUps => "Follow-ups parked in the workshop", "Suivis mis en suspens pendant l'atelier";
    /// roadmap.csv: the phase cell of a question parked in a workshop.
    CsvParkedPhase => "Follow-up (parked in the workshop)", "Suivi (mis en suspens pendant l'atelier)";
    /// roadmap.csv: the action of a parked question without a reason.
    CsvSettleIt => "Settle it: it was parked in the workshop", "À régler\u{a0}: la question a été mise en suspens pendant l'atelier";
    /// roadmap.csv: the action of a parked question, with why it was parked.
    CsvSettleReason => "Settle it: {reason}", "À régler\u{a0}: {reason}";
    /// The footer of every printed page of report.pdf and report.docx.
    PrintedPageOf => "page {page} of {pages}", "page {page} de {pages}";
    /// roadmap.csv: a question's effort (the English is the questionnaire's key).
    EffortLow => "low", "faible";
    /// roadmap.csv: a question's effort.
    EffortMedium => "medium", "moyen";
    /// roadmap.csv: a question's effort.
    EffortHigh => "high", "élevé";
    /// The subject in report.pdf's and report.docx's document properties.
    DocumentSubject => "Readiness for ISO/IEC 42001:2023 certification ({id} {version})",
        "Préparation à la certification ISO/IEC 42001:2023 ({id} {version})";
    /// Roadmap column: why a question was parked.
    ColWhyParked => "Why it was parked", "Motif de la mise en suspens";
}
