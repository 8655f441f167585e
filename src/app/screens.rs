//! Every screen of the app, held in one place: the shell draws the one shown and answers a
//! write to the one that asked for it.

use crate::ui::appraise::AppraiseScreen;
use crate::ui::areas::AreasScreen;
use crate::ui::bases::BasesScreen;
use crate::ui::calendar::CalendarScreen;
use crate::ui::communicate::CommunicateScreen;
use crate::ui::compare::CompareScreen;
use crate::ui::dashboard::DashboardScreen;
use crate::ui::decisions::DecisionsScreen;
use crate::ui::help::HelpScreen;
use crate::ui::incentivise::IncentiviseScreen;
use crate::ui::league::LeagueScreen;
use crate::ui::learn::LearnScreen;
use crate::ui::problems::{ProblemPage, ProblemsScreen};
use crate::ui::review::ReviewScreen;
use crate::ui::roster::RosterScreen;
use crate::ui::secretary::SecretaryPage;
use crate::ui::sessions::{SessionPage, SessionsScreen};
use crate::ui::tasks::TasksScreen;
use crate::ui::theme_days::ThemeDaysScreen;
use crate::ui::{Screen, View};

/// The screens, each keeping what the user typed or chose on it while another is shown.
#[derive(Default)]
pub(super) struct Screens {
    pub dashboard: DashboardScreen,
    pub roster: RosterScreen,
    pub areas: AreasScreen,
    pub secretary: SecretaryPage,
    pub sessions: SessionsScreen,
    pub session: SessionPage,
    pub problems: ProblemsScreen,
    pub problem: ProblemPage,
    pub learn: LearnScreen,
    pub help: HelpScreen,
    pub compare: CompareScreen,
    pub communicate: CommunicateScreen,
    pub incentivise: IncentiviseScreen,
    pub review: ReviewScreen,
    pub league: LeagueScreen,
    pub theme_days: ThemeDaysScreen,
    pub appraise: AppraiseScreen,
    pub calendar: CalendarScreen,
    pub bases: BasesScreen,
    pub tasks: TasksScreen,
    pub decisions: DecisionsScreen,
}

impl Screens {
    /// The view that draws `screen` (a record's page whatever the record).
    pub fn view(&mut self, screen: Screen) -> &mut dyn View {
        match screen {
            Screen::Dashboard => &mut self.dashboard,
            Screen::Roster => &mut self.roster,
            Screen::AreasBranches => &mut self.areas,
            Screen::Secretary(_) => &mut self.secretary,
            Screen::Sessions => &mut self.sessions,
            Screen::Session(_) => &mut self.session,
            Screen::Problems => &mut self.problems,
            Screen::Problem(_) => &mut self.problem,
            Screen::Learn => &mut self.learn,
            Screen::Help => &mut self.help,
            Screen::Compare => &mut self.compare,
            Screen::Communicate => &mut self.communicate,
            Screen::Incentivise => &mut self.incentivise,
            Screen::Review => &mut self.review,
            Screen::League => &mut self.league,
            Screen::ThemeDays => &mut self.theme_days,
            Screen::Appraise => &mut self.appraise,
            Screen::Calendar => &mut self.calendar,
            Screen::Bases | Screen::Base(_) => &mut self.bases,
            Screen::Tasks => &mut self.tasks,
            Screen::Decisions => &mut self.decisions,
        }
    }

    /// Another studio file was opened: every screen drops what was typed for the old one.
    pub fn file_changed(&mut self) {
        let views: [&mut dyn View; 21] = [
            &mut self.dashboard,
            &mut self.roster,
            &mut self.areas,
            &mut self.secretary,
            &mut self.sessions,
            &mut self.session,
            &mut self.problems,
            &mut self.problem,
            &mut self.learn,
            &mut self.help,
            &mut self.compare,
            &mut self.communicate,
            &mut self.incentivise,
            &mut self.review,
            &mut self.league,
            &mut self.theme_days,
            &mut self.appraise,
            &mut self.calendar,
            &mut self.bases,
            &mut self.tasks,
            &mut self.decisions,
        ];
        for view in views {
            view.file_changed();
        }
    }
}
