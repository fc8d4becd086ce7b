//! Switching the interface between English and French while the app runs (`L` on the
//! home screen and over the key list). Reports keep the assessment's own language.

use super::App;
use crate::locale::{ChromeText, Lang};

impl App {
    /// Switches the interface to the other language and says so in the new one, with
    /// the language the open assessment's report is written in (it does not change).
    /// The home list is read again: why a file cannot be opened is worded when read.
    pub(super) fn switch_lang(&mut self) -> Vec<super::Effect> {
        let next = match self.lang {
            Lang::En => Lang::Fr,
            Lang::Fr => Lang::En,
        };
        self.set_lang(next);
        let name = |lang: Lang| {
            next.t(match lang {
                Lang::En => ChromeText::LanguageEnglish,
                Lang::Fr => ChromeText::LanguageFrench,
            })
        };
        let text = match &self.session {
            Some(s) => {
                // A file made before there was a choice writes its report in the
                // interface's language.
                let report = s.assessment.meta.language.unwrap_or(next);
                next.f(
                    ChromeText::SwitchedLanguageReport,
                    &[("language", &name(report))],
                )
            }
            None => next.t(ChromeText::SwitchedLanguage).to_string(),
        };
        self.say(text);
        if self.session.is_none() {
            vec![super::Effect::LoadHome]
        } else {
            Vec::new()
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use chrono::{DateTime, FixedOffset};
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    use super::*;
    use crate::assessment::Assessment;
    use crate::questionnaire::Questionnaire;
    use crate::tui::app::{Msg, Screen, Session};
    use crate::tui::keys::Action;
    use crate::tui::theme::Theme;

    fn now() -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2026-03-02T10:00:00+01:00").expect("valid date")
    }

    fn screen(app: &App) -> String {
        screen_of(app, 100, 30)
    }

    fn screen_of(app: &App, width: u16, height: u16) -> String {
        let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
        terminal
            .draw(|f| {
                crate::tui::view::render(app, f);
            })
            .expect("draw");
        let buffer = terminal.backend().buffer();
        buffer
            .content()
            .chunks(usize::from(buffer.area.width))
            .map(|row| row.iter().map(|c| c.symbol()).collect::<String>())
            .collect::<Vec<_>>()
            .join("\n")
    }

    fn question_text(app: &App) -> String {
        app.session
            .as_ref()
            .map(|s| s.questionnaire.questions[app.question].text.clone())
            .unwrap_or_default()
    }

    #[test]
    fn l_switches_the_interface_and_keeps_answers_and_place() {
        let q = Questionnaire::embedded().expect("embedded questionnaire");
        let mut app = App::new(q.clone(), Theme::new(true), PathBuf::from("/out"), now());
        let mut a = Assessment::new(&q, now());
        a.meta.language = Some(Lang::En);
        app.update(
            Msg::Opened(Box::new(Session::new(PathBuf::from("/d/acme.json"), a, q))),
            now(),
        );
        app.update(Msg::Act(Action::NextQuestion), now());
        app.update(Msg::Digit(3), now());
        let english = question_text(&app);
        let (place, answers) = (
            app.question,
            app.session.as_ref().map(|s| s.assessment.answers.clone()),
        );
        assert!(screen(&app).contains("? help"));

        // `L` is bound over the key list, which every screen opens with `?`.
        app.update(Msg::Act(Action::Help), now());
        app.update(Msg::Act(Action::SwitchLang), now());
        assert_eq!(app.lang, Lang::Fr);
        let status = app
            .status
            .as_ref()
            .map(|s| s.text.clone())
            .unwrap_or_default();
        assert!(
            status.starts_with("Interface en français.") && status.contains("anglais"),
            "{status}"
        );
        app.update(Msg::Act(Action::Help), now());
        let french = screen(&app);
        assert!(french.contains("? aide"), "{french}");
        assert!(french.contains("Aperçu"), "{french}");
        assert!(!french.contains("? help") && !french.contains("Overview"));
        assert_ne!(question_text(&app), english);
        assert_eq!(app.question, place);
        assert_eq!(
            app.session.as_ref().map(|s| s.assessment.answers.clone()),
            answers
        );
        // The report keeps its language.
        assert_eq!(
            app.session
                .as_ref()
                .and_then(|s| s.assessment.meta.language),
            Some(Lang::En)
        );

        app.update(Msg::Act(Action::Help), now());
        app.update(Msg::Act(Action::SwitchLang), now());
        app.update(Msg::Act(Action::Help), now());
        assert_eq!(app.lang, Lang::En);
        assert_eq!(question_text(&app), english);
        let back = screen(&app);
        assert!(
            back.contains("? help") && back.contains("Overview"),
            "{back}"
        );
        assert_eq!(app.question, place);
        assert_eq!(
            app.session.as_ref().map(|s| s.assessment.answers.clone()),
            answers
        );
        assert_eq!(app.screen, Screen::Question);
    }

    #[test]
    fn l_on_home_switches_and_says_so_in_the_new_language() {
        let q = Questionnaire::embedded().expect("embedded questionnaire");
        let mut app = App::new(q, Theme::new(true), PathBuf::from("/out"), now());
        app.update(Msg::HomeLoaded(Vec::new()), now());
        app.screen = Screen::Home;
        let key = crossterm::event::KeyEvent::new(
            crossterm::event::KeyCode::Char('L'),
            crossterm::event::KeyModifiers::SHIFT,
        );
        let msg = crate::tui::keys::resolve(&key, app.mode()).expect("L is bound on home");
        app.update(msg, now());
        assert_eq!(app.lang, Lang::Fr);
        assert_eq!(
            app.status.as_ref().map(|s| s.text.as_str()),
            Some(ChromeText::SwitchedLanguage.fr())
        );
        assert!(screen(&app).contains("Accueil"));
    }

    #[test]
    fn the_french_tabs_fit_beside_the_organisation_at_80_columns() {
        let q = Questionnaire::embedded().expect("embedded questionnaire");
        let mut app = App::new(q.clone(), Theme::new(true), PathBuf::from("/out"), now());
        app.set_lang(Lang::Fr);
        let mut a = Assessment::new(&q, now());
        a.meta.organisation = "Hôpital Saint-Laurent".into();
        app.update(
            Msg::Opened(Box::new(Session::new(PathBuf::from("/d/h.json"), a, q))),
            now(),
        );
        let shown = screen_of(&app, 80, 24);
        let header = shown.lines().next().unwrap_or_default();
        assert!(header.contains(" H"), "{header}");
        for tab in [
            "Question",
            "Aperçu",
            "DdA",
            "Résultats",
            "Plan",
            "Cibles",
            "Export",
        ] {
            assert!(header.contains(tab), "{tab} missing from {header}");
        }
        let footer = shown.lines().last().unwrap_or_default();
        assert!(
            footer.contains("1-5 coter") && footer.contains("? aide"),
            "{footer}"
        );
    }

    /// The app in French with a new assessment open.
    fn french_app_with_an_assessment() -> App {
        let q = Questionnaire::embedded().expect("embedded questionnaire");
        let mut app = App::new(q.clone(), Theme::new(true), PathBuf::from("/out"), now());
        app.set_lang(Lang::Fr);
        let a = Assessment::new(&q, now());
        app.update(
            Msg::Opened(Box::new(Session::new(PathBuf::from("/d/h.json"), a, q))),
            now(),
        );
        app
    }

    #[test]
    fn the_french_key_list_has_no_english_line() {
        let mut app = french_app_with_an_assessment();
        app.update(Msg::Act(Action::Help), now());
        let shown = screen_of(&app, 160, 60);
        assert!(shown.contains("Touches — Question"), "{shown}");
        assert!(shown.contains("Échap pour fermer"), "{shown}");
        for b in crate::tui::keys::bindings(crate::tui::keys::Mode::Question) {
            // The start of each English help line, long enough not to be a French word.
            let start: String = b.help.en.chars().take(16).collect();
            if start.chars().count() >= 8 && b.help.en != b.help.fr {
                assert!(!shown.contains(&start), "{start:?} is still in English");
            }
            let french: String = b.help.fr.chars().take(16).collect();
            assert!(shown.contains(&french), "{french:?} is missing");
        }
    }

    /// Every catalogue text, with every footer hint and help line of the keymap (every
    /// catalogue, so that a word French uses too, "score", is known as such).
    fn frame_texts() -> Vec<crate::locale::CatalogueEntry> {
        let mut texts = crate::locale::every_text();
        texts.extend(crate::tui::keys::catalogue_entries());
        texts
    }

    #[test]
    fn no_french_frame_holds_english_of_the_frame() {
        let mut app = french_app_with_an_assessment();
        // The status line is the messages' (StatusText), checked with them.
        app.status = None;
        let texts = frame_texts();
        let mut found = Vec::new();
        let mut check = |app: &App, what: &str| {
            for (w, h) in [(80, 24), (160, 48)] {
                let shown = screen_of(app, w, h);
                // The header and the footer are the frame's; the help overlay and the
                // dialogs are drawn over the body.
                for left in crate::locale::english_left(&shown, &texts) {
                    found.push(format!("{what} at {w}×{h}: {left}"));
                }
            }
        };
        for screen in crate::tui::app::Screen::OF_ASSESSMENT {
            app.go_to_screen(screen);
            check(&app, &format!("{screen:?}"));
            app.update(Msg::Act(Action::Help), now());
            check(&app, &format!("help over {screen:?}"));
            app.update(Msg::Act(Action::Help), now());
        }
        app.confirm = Some(crate::tui::app::Confirm::RemoveFlag {
            question: "ctx-01".into(),
            reason: "à revoir".into(),
        });
        check(&app, "a yes/no question");
        assert!(found.is_empty(), "{}", found.join("\n"));
    }
}
