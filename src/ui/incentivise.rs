//! 激励: the points leaderboard of a period, the points ledger (every line says which record
//! and rule it comes from), manual awards, commendations and criticisms, and the rules.

use super::data::{Memo, Names};
use super::widgets::{
    ERROR_RED, combo, in_office, name_text_field, row_button, screen_title, submitted, tabs,
};
use super::{Change, Command, Screen, ViewContext};
use crate::domain::SecretaryId;
use crate::domain::period::Period;
use crate::domain::points::{
    Award, Honour, HonourKind, LeaderboardEntry, PointsEvent, PointsLine, PointsRules,
    PointsSource, leaderboard,
};
use crate::domain::session::parse_day;
use crate::i18n::Lang;
use crate::store::SystemRecord;
use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Tab {
    #[default]
    Leaderboard,
    Ledger,
    Honours,
    Rules,
}

/// A period's points ledger and leaderboard, the awards and honours, and the rules.
struct Data {
    lines: Vec<PointsLine>,
    board: Vec<LeaderboardEntry>,
    honours: Vec<Honour>,
    awards: Vec<Award>,
    rules: PointsRules,
}

fn load(store: &crate::store::Store, period: &Period) -> crate::store::Result<Data> {
    let lines = store.points_ledger(Some(*period))?;
    let board = leaderboard(&lines, *period, &in_office(&store.roster()?));
    Ok(Data {
        lines,
        board,
        honours: store.honours()?,
        awards: store.awards()?,
        rules: store.points_rules()?,
    })
}

/// What the screen draws: the period's data with the names of people.
type Model<'a> = super::data::Named<'a, Data>;

/// A manual award or an honour being typed.
#[derive(Default)]
struct EntryForm {
    who: Option<SecretaryId>,
    date: String,
    points: String,
    reason: String,
    kind: Option<HonourKind>,
    error: Option<String>,
    /// The day last put in as the default (replaced when the period changes, unless typed over).
    default_day: String,
}

impl EntryForm {
    /// Puts in the default day for `period`: today if it lies in it, else its nearest end; a
    /// day the user typed stays.
    fn default_into(&mut self, period: Period, today: chrono::NaiveDate) {
        let day = period.day_nearest(today).format("%Y-%m-%d").to_string();
        if self.date.is_empty() || self.date == self.default_day {
            self.date.clone_from(&day);
        }
        self.default_day = day;
    }
}

/// The incentive screen.
#[derive(Default)]
pub struct IncentiviseScreen {
    data: Memo<Period, Data>,
    controls: Controls,
}

/// What the coordinator has chosen and typed on the screen.
#[derive(Default)]
struct Controls {
    tab: Tab,
    ledger_who: Option<SecretaryId>,
    award: EntryForm,
    honour: EntryForm,
    rules: Vec<(PointsEvent, String)>,
    /// The generation `rules` was last set from.
    rules_of: Option<u64>,
    rules_error: Option<String>,
    /// Rules were saved and not edited since: said beside the button.
    rules_saved: bool,
    /// Rules were sent to be saved.
    rules_saving: bool,
}

impl IncentiviseScreen {
    /// The names on the leaderboard, best first (for tests).
    pub fn leaderboard_names(&self, names: &Names) -> Vec<(String, i64)> {
        self.data
            .shown()
            .map(|data| {
                data.board
                    .iter()
                    .map(|e| (names.secretary(Some(e.secretary)), e.points))
                    .collect()
            })
            .unwrap_or_default()
    }
}

impl super::View for IncentiviseScreen {
    /// Draws the screen.
    fn ui(&mut self, ui: &mut Ui, ctx: &ViewContext<'_>) -> Vec<Command> {
        let lang = ctx.lang;
        let mut commands = Vec::new();
        let period = ctx.period;
        screen_title(ui, lang.nav_incentivise());
        super::widgets::period_bar(
            ui,
            ctx,
            &[(
                lang.print_report(),
                crate::print::Printable::Ledger(crate::print::LedgerPrintout::Report(period)),
            )],
            &mut commands,
        );
        tabs(
            ui,
            &mut self.controls.tab,
            &[
                (Tab::Leaderboard, lang.points_leaderboard()),
                (Tab::Ledger, lang.points_ledger()),
                (Tab::Honours, lang.awards_and_honours()),
                (Tab::Rules, lang.points_rules()),
            ],
        );
        let Some(names) = ctx.names_or_wait(ui) else {
            return commands;
        };
        self.data.refresh(ctx, &period, load);
        let Some(data) = super::data::ready(ui, lang, self.data.get(&period)) else {
            return commands;
        };
        if self.controls.rules_of != self.data.loaded_at() {
            self.controls.rules_of = self.data.loaded_at();
            self.controls.rules = PointsEvent::ALL
                .iter()
                .map(|e| (*e, data.rules.points(*e).to_string()))
                .collect();
        }
        let model = &Model { names, data };
        let controls = &mut self.controls;
        match controls.tab {
            Tab::Leaderboard => leaderboard_ui(ui, lang, model),
            Tab::Ledger => commands.extend(controls.ledger_ui(ui, lang, model)),
            Tab::Honours => commands.extend(controls.honours_ui(ui, ctx, model, period)),
            Tab::Rules => commands.extend(controls.rules_ui(ui, lang)),
        }
        commands
    }

    /// After a write: says that saved rules are saved.
    fn write_finished(&mut self, succeeded: bool) {
        if self.controls.rules_saving {
            self.controls.rules_saved = succeeded;
            self.controls.rules_saving = false;
        }
    }
}

impl Controls {
    fn ledger_ui(&mut self, ui: &mut Ui, lang: Lang, model: &Model<'_>) -> Option<Command> {
        let mut command = None;
        ui.horizontal(|ui| {
            ui.label(lang.col_name());
            let people = in_office(&model.names.roster);
            combo(
                ui,
                "ledger-who",
                lang.col_name(),
                &mut self.ledger_who,
                &people,
                Some(lang.all_secretaries()),
                |id| model.names.secretary(Some(id)),
            );
        });
        let lines: Vec<&PointsLine> = model
            .lines
            .iter()
            .filter(|l| self.ledger_who.is_none_or(|w| w == l.secretary))
            .collect();
        let total: i64 = lines.iter().map(|l| l.points).sum();
        ui.label(lang.ledger_summary(lines.len(), total));
        TableBuilder::new(ui)
            .striped(true)
            .column(Column::exact(90.0))
            .column(Column::exact(80.0))
            .column(Column::exact(50.0))
            .column(Column::exact(140.0))
            .column(Column::remainder())
            .header(22.0, |mut header| {
                for title in [
                    lang.col_date(),
                    lang.col_name(),
                    lang.col_points(),
                    lang.col_rule(),
                    lang.col_record(),
                ] {
                    header.col(|ui| {
                        ui.strong(title);
                    });
                }
            })
            .body(|body| {
                body.rows(22.0, lines.len(), |mut row| {
                    let line = lines[row.index()];
                    row.col(|ui| {
                        ui.label(line.on.format("%Y-%m-%d").to_string());
                    });
                    row.col(|ui| {
                        ui.label(model.names.secretary(Some(line.secretary)));
                    });
                    row.col(|ui| {
                        ui.label(points_text(line.points));
                    });
                    row.col(|ui| {
                        ui.label(match line.event {
                            Some(event) => lang.points_event(event),
                            None => lang.manual_award(),
                        });
                    });
                    row.col(|ui| {
                        let what = format!("{} {}", lang.points_source(line.source), line.what);
                        let target = match line.source {
                            PointsSource::Session(id) => Some(Screen::Session(id)),
                            PointsSource::Problem(id) => Some(Screen::Problem(id)),
                            PointsSource::Note(_) => Some(Screen::Communicate),
                            PointsSource::Honour(_) | PointsSource::Award(_) => None,
                        };
                        match target {
                            Some(screen) => {
                                if ui.link(what).clicked() {
                                    command = Some(Command::Navigate(screen));
                                }
                            }
                            None => {
                                ui.label(what);
                            }
                        }
                    });
                });
            });
        command
    }

    fn honours_ui(
        &mut self,
        ui: &mut Ui,
        ctx: &ViewContext<'_>,
        model: &Model<'_>,
        period: Period,
    ) -> Vec<Command> {
        let lang = ctx.lang;
        let mut commands = Vec::new();
        let people = in_office(&model.names.roster);
        self.award.default_into(period, ctx.today);
        self.honour.default_into(period, ctx.today);
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                ui.columns(2, |columns| {
                    let ui = &mut columns[0];
                    ui.strong(lang.manual_award());
                    if let Some(change) = entry_form_ui(
                        ui,
                        lang,
                        lang.manual_award(),
                        &mut self.award,
                        &people,
                        model.names,
                        (false, period),
                    ) {
                        commands.push(Command::Write(change));
                    }
                    ui.add_space(6.0);
                    for award in model.awards.iter().filter(|a| period.contains(a.on)) {
                        ui.horizontal(|ui| {
                            ui.label(format!(
                                "{}  {}  {}  {}",
                                award.on.format("%Y-%m-%d"),
                                model.names.secretary(Some(award.secretary)),
                                points_text(award.points).text(),
                                award.reason
                            ));
                            if row_button(ui, lang.delete(), &award.reason).clicked() {
                                commands.push(Command::Write(Change::DeleteRecord(
                                    SystemRecord::Award(award.id),
                                )));
                            }
                        });
                    }
                    let ui = &mut columns[1];
                    ui.strong(lang.honours_title());
                    if let Some(change) = entry_form_ui(
                        ui,
                        lang,
                        lang.honours_title(),
                        &mut self.honour,
                        &people,
                        model.names,
                        (true, period),
                    ) {
                        commands.push(Command::Write(change));
                    }
                    for kind in HonourKind::ALL {
                        ui.add_space(6.0);
                        let title = match kind {
                            HonourKind::Commendation => lang.red_list(),
                            HonourKind::Criticism => lang.criticisms(),
                        };
                        ui.label(RichText::new(title).strong().color(match kind {
                            HonourKind::Commendation => egui::Color32::from_rgb(190, 30, 30),
                            HonourKind::Criticism => ui.visuals().text_color(),
                        }));
                        for honour in model
                            .honours
                            .iter()
                            .filter(|h| h.kind == *kind && period.contains(h.on))
                        {
                            ui.horizontal(|ui| {
                                ui.label(format!(
                                    "{}  {}  {}",
                                    honour.on.format("%Y-%m-%d"),
                                    model.names.secretary(Some(honour.secretary)),
                                    honour.reason
                                ));
                                if row_button(ui, lang.delete(), &honour.reason).clicked() {
                                    commands.push(Command::Write(Change::DeleteRecord(
                                        SystemRecord::Honour(honour.id),
                                    )));
                                }
                            });
                        }
                    }
                });
            });
        commands
    }

    fn rules_ui(&mut self, ui: &mut Ui, lang: Lang) -> Option<Command> {
        let mut command = None;
        ui.label(RichText::new(lang.rules_explained()).weak());
        egui::Grid::new("points-rules")
            .num_columns(2)
            .spacing([12.0, 6.0])
            .show(ui, |ui| {
                for (event, text) in &mut self.rules {
                    let label = ui.label(lang.points_event(*event));
                    if ui
                        .add_sized([60.0, 20.0], egui::TextEdit::singleline(text))
                        .labelled_by(label.id)
                        .changed()
                    {
                        self.rules_saved = false;
                    }
                    ui.end_row();
                }
            });
        ui.horizontal(|ui| {
            if ui.button(lang.save_rules()).clicked() {
                let parsed: Option<Vec<(PointsEvent, i64)>> = self
                    .rules
                    .iter()
                    .map(|(e, t)| {
                        t.trim()
                            .trim_start_matches('+')
                            .parse::<i64>()
                            .ok()
                            .filter(|p| p.abs() <= 1000)
                            .map(|p| (*e, p))
                    })
                    .collect();
                match parsed {
                    Some(rules) => {
                        self.rules_error = None;
                        self.rules_saving = true;
                        command = Some(Command::Write(Change::SetPointsRules(rules)));
                    }
                    None => self.rules_error = Some(lang.points_must_be_whole().to_owned()),
                }
            }
            if let Some(error) = &self.rules_error {
                ui.colored_label(ERROR_RED, error);
            } else if self.rules_saved {
                ui.label(
                    RichText::new(lang.rules_saved()).color(egui::Color32::from_rgb(40, 140, 60)),
                );
            }
        });
        command
    }
}

fn points_text(points: i64) -> RichText {
    let text = if points > 0 {
        format!("+{points}")
    } else {
        points.to_string()
    };
    if points < 0 {
        RichText::new(text).color(ERROR_RED)
    } else {
        RichText::new(text)
    }
}

fn leaderboard_ui(ui: &mut Ui, lang: Lang, model: &Model<'_>) {
    let best = model
        .board
        .iter()
        .map(|e| e.points)
        .max()
        .unwrap_or(0)
        .max(1);
    TableBuilder::new(ui)
        .striped(true)
        .column(Column::exact(50.0))
        .column(Column::exact(90.0))
        .column(Column::exact(240.0))
        .column(Column::exact(60.0))
        .column(Column::remainder())
        .header(22.0, |mut header| {
            for title in [
                lang.col_rank(),
                lang.col_name(),
                lang.col_branch(),
                lang.col_points(),
                "",
            ] {
                header.col(|ui| {
                    ui.strong(title);
                });
            }
        })
        .body(|body| {
            body.rows(22.0, model.board.len(), |mut row| {
                let entry = &model.board[row.index()];
                let person = model.names.roster.iter().find(|e| e.id == entry.secretary);
                row.col(|ui| {
                    ui.label(entry.rank.to_string());
                });
                row.col(|ui| {
                    let mut name = model.names.secretary(Some(entry.secretary));
                    if person.is_some_and(|p| p.fields.archived) {
                        name.push_str(lang.archived_mark());
                    }
                    ui.label(name);
                });
                row.col(|ui| {
                    ui.label(person.map(|p| p.branch_name.as_str()).unwrap_or_default());
                });
                row.col(|ui| {
                    ui.label(points_text(entry.points));
                });
                row.col(|ui| {
                    let share = (entry.points.max(0) as f32) / best as f32;
                    ui.add(egui::ProgressBar::new(share).desired_width(200.0));
                });
            });
        });
}

/// The form for a manual award (points) or an honour (kind); returns the change to write.
fn entry_form_ui(
    ui: &mut Ui,
    lang: Lang,
    salt: &str,
    form: &mut EntryForm,
    people: &[SecretaryId],
    names: &Names,
    (honour, period): (bool, Period),
) -> Option<Change> {
    let mut change = None;
    // Enter in one of this form's fields records it.
    let mut entered = false;
    egui::Grid::new(format!("{salt}-form"))
        .num_columns(2)
        .spacing([8.0, 4.0])
        .show(ui, |ui| {
            ui.label(lang.col_name());
            combo(
                ui,
                &format!("{salt}-who"),
                &format!("{} {}", lang.col_name(), salt),
                &mut form.who,
                people,
                None,
                |id| names.secretary(Some(id)),
            );
            ui.end_row();
            if honour {
                ui.label(lang.honour_kind());
                if form.kind.is_none() {
                    form.kind = Some(HonourKind::Commendation);
                }
                combo(
                    ui,
                    &format!("{salt}-kind"),
                    lang.honour_kind(),
                    &mut form.kind,
                    HonourKind::ALL,
                    None,
                    |k| lang.honour_kind_name(k).to_owned(),
                );
            } else {
                ui.label(lang.col_points());
                let field = name_text_field(
                    ui.add_sized(
                        [80.0, 20.0],
                        egui::TextEdit::singleline(&mut form.points).hint_text("+5 / -3"),
                    ),
                    lang.col_points(),
                );
                entered |= submitted(&field);
            }
            ui.end_row();
            ui.label(lang.col_date());
            let field = name_text_field(
                ui.add_sized([100.0, 20.0], egui::TextEdit::singleline(&mut form.date)),
                &format!("{} {}", lang.col_date(), salt),
            );
            entered |= submitted(&field);
            ui.end_row();
            ui.label(lang.col_reason());
            let field = name_text_field(
                ui.add_sized([220.0, 20.0], egui::TextEdit::singleline(&mut form.reason)),
                &format!("{} {}", lang.col_reason(), salt),
            );
            entered |= submitted(&field);
            ui.end_row();
        });
    // A day outside the period counts in another one: said before it is recorded.
    if let Some(day) = parse_day(&form.date)
        && !period.contains(day)
    {
        ui.colored_label(
            ERROR_RED,
            lang.day_outside_period(&lang.period_name(period)),
        );
    }
    let button = if honour {
        lang.record_honour()
    } else {
        lang.record_award()
    };
    ui.horizontal(|ui| {
        if ui.button(button).clicked() || entered {
            let date = parse_day(&form.date);
            let points = form
                .points
                .trim()
                .trim_start_matches('+')
                .parse::<i64>()
                .ok();
            form.error = if form.who.is_none() {
                Some(lang.choose_secretary().to_owned())
            } else if date.is_none() {
                Some(lang.error_not_a_date().to_owned())
            } else if !honour && points.is_none_or(|p| p == 0 || p.abs() > 1000) {
                Some(lang.points_must_be_whole().to_owned())
            } else if form.reason.trim().is_empty() {
                Some(lang.reason_required().to_owned())
            } else {
                None
            };
            if let (None, Some(who), Some(date)) = (&form.error, form.who, date) {
                let reason = form.reason.trim().to_owned();
                change = Some(if honour {
                    Change::AddHonour(
                        who,
                        date,
                        form.kind.unwrap_or(HonourKind::Commendation),
                        reason,
                    )
                } else {
                    Change::AddAward(who, date, points.unwrap_or(0), reason)
                });
                form.reason.clear();
                form.points.clear();
            }
        }
        if let Some(error) = &form.error {
            ui.colored_label(ERROR_RED, error);
        }
    });
    change
}
