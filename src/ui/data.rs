//! What screens show, loaded off the window's thread.
//!
//! A screen keeps each piece of data it shows in a [`Memo`], asked every frame with the key it
//! needs (a period, a record, nothing) and a plain `fn` that reads it from a store. The memo
//! loads once per key and store generation: on the [`Loader`]'s thread, through a reading
//! connection of its own (the window keeps drawing what it had, then repaints when the data
//! arrives), or at once where there is no such connection (a studio in memory, a file only
//! read, tests). Errors are kept as errors and put into words when drawn, so a language switch
//! changes them too.

use crate::domain::{Area, AreaId, Branch, BranchId, RosterEntry, SecretaryId};
use crate::store::{self, Store};
use std::sync::Arc;
use std::sync::mpsc;

/// Why a screen has no data to show.
#[derive(Debug)]
pub enum LoadError {
    /// The store could not be read.
    Store(store::Error),
    /// The load stopped without a result (it failed on the loader's thread).
    Stopped,
}

/// A load's result.
pub type Loaded<T> = Result<T, LoadError>;

type Task = Box<dyn FnOnce(&Store) + Send>;

/// Runs loads: on a thread of its own with a reading connection to the studio file, or at
/// once on the window's connection where there is none.
#[derive(Debug, Default)]
pub struct Loader {
    tasks: Option<mpsc::Sender<Task>>,
    /// Loads asked for and not yet done.
    pending: Arc<std::sync::atomic::AtomicUsize>,
    /// Loads held back until [`Loader::run_held`] (tests: what shows while data is on its way).
    held: Option<std::sync::Mutex<mpsc::Receiver<Task>>>,
}

impl Loader {
    /// Loads at once, on the window's thread (a studio in memory, a file only read, tests).
    pub fn inline() -> Self {
        Self::default()
    }

    /// Loads on a thread reading `store`'s file, waking the window (`wake`) when a load is
    /// done; at once where the file has no second connection.
    pub fn background(store: &Store, wake: egui::Context) -> Self {
        let Ok(Some(reader)) = store.reader() else {
            return Self::inline();
        };
        let (tasks, queue) = mpsc::channel::<Task>();
        let spawned = std::thread::Builder::new()
            .name("studio-load".to_owned())
            .spawn(move || {
                for task in queue {
                    // A load that fails with a fault leaves its screen an error, not a dead
                    // loader: its sender is dropped unused.
                    let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                        task(&reader);
                    }));
                    wake.request_repaint();
                }
            });
        match spawned {
            Ok(_) => Self {
                tasks: Some(tasks),
                pending: Arc::default(),
                held: None,
            },
            Err(_) => Self::inline(),
        }
    }

    /// A loader that keeps every load back until [`Loader::run_held`], as a slow file would
    /// (for tests of what the window shows meanwhile).
    pub fn held() -> Self {
        let (tasks, queue) = mpsc::channel::<Task>();
        Self {
            tasks: Some(tasks),
            pending: Arc::default(),
            held: Some(std::sync::Mutex::new(queue)),
        }
    }

    /// Runs the loads held back, on `store`.
    pub fn run_held(&self, store: &Store) {
        if let Some(queue) = &self.held
            && let Ok(queue) = queue.lock()
        {
            for task in queue.try_iter() {
                task(store);
            }
        }
    }

    /// Whether loads asked for are still running (their results may not be taken yet).
    pub fn is_busy(&self) -> bool {
        self.pending.load(std::sync::atomic::Ordering::Acquire) > 0
    }

    /// Starts `load`; its result arrives on the returned channel (at once when inline).
    fn run<T: Send + 'static>(
        &self,
        store: &Store,
        load: impl FnOnce(&Store) -> T + Send + 'static,
    ) -> mpsc::Receiver<T> {
        let (result, receiver) = mpsc::sync_channel(1);
        let pending = Arc::clone(&self.pending);
        pending.fetch_add(1, std::sync::atomic::Ordering::AcqRel);
        let task: Task = Box::new(move |store| {
            // Counted down even if the load fails with a fault.
            struct Done(Arc<std::sync::atomic::AtomicUsize>);
            impl Drop for Done {
                fn drop(&mut self) {
                    self.0.fetch_sub(1, std::sync::atomic::Ordering::AcqRel);
                }
            }
            let _done = Done(pending);
            result.send(load(store)).ok();
        });
        let task = match &self.tasks {
            Some(tasks) => match tasks.send(task) {
                Ok(()) => return receiver,
                // The loader's thread is gone: load here rather than show nothing.
                Err(mpsc::SendError(task)) => task,
            },
            None => task,
        };
        task(store);
        receiver
    }
}

/// One piece of data a screen shows, for one key, loaded once per store generation.
pub struct Memo<K, T> {
    shown: Option<Entry<K, Loaded<T>>>,
    pending: Option<Entry<K, mpsc::Receiver<store::Result<T>>>>,
}

struct Entry<K, V> {
    generation: u64,
    key: K,
    value: V,
}

impl<K, T> Default for Memo<K, T> {
    fn default() -> Self {
        Self {
            shown: None,
            pending: None,
        }
    }
}

impl<K: Clone + PartialEq + Send + 'static, T: Send + 'static> Memo<K, T> {
    /// Makes sure the data for `key` is loaded, by `load`, for the store's current generation:
    /// takes a finished load and starts a new one where needed. Then [`Memo::get`] has it.
    pub fn refresh(
        &mut self,
        ctx: &super::ViewContext<'_>,
        key: &K,
        load: fn(&Store, &K) -> store::Result<T>,
    ) {
        let generation = ctx.store.generation();
        self.take_finished();
        let fresh = |g: u64, k: &K| g == generation && k == key;
        let shown_fresh = self
            .shown
            .as_ref()
            .is_some_and(|s| fresh(s.generation, &s.key));
        let pending_fresh = self
            .pending
            .as_ref()
            .is_some_and(|p| fresh(p.generation, &p.key));
        if !shown_fresh && !pending_fresh {
            let asked = key.clone();
            let value = ctx.loader.run(ctx.store, move |store| load(store, &asked));
            self.pending = Some(Entry {
                generation,
                key: key.clone(),
                value,
            });
            self.take_finished();
        }
    }

    /// Loads the data for `key` if needed ([`Memo::refresh`]) and returns it once there;
    /// meanwhile draws a quiet placeholder, or the error in words.
    pub fn show(
        &mut self,
        ui: &mut egui::Ui,
        ctx: &super::ViewContext<'_>,
        key: &K,
        load: fn(&Store, &K) -> store::Result<T>,
    ) -> Option<&T> {
        self.refresh(ctx, key, load);
        ready(ui, ctx.lang, self.get(key))
    }

    /// The data for `key` as last loaded (while a newer load runs, the last one's); `None`
    /// until the first load for `key` is done.
    pub fn get(&self, key: &K) -> Option<&Loaded<T>> {
        self.shown
            .as_ref()
            .filter(|s| s.key == *key)
            .map(|s| &s.value)
    }

    /// The data shown, whatever its key (for tests and derived lists).
    pub fn shown(&self) -> Option<&T> {
        self.shown.as_ref().and_then(|s| s.value.as_ref().ok())
    }

    /// The store generation the data shown was loaded at (what derived lists key on).
    pub fn loaded_at(&self) -> Option<u64> {
        self.shown.as_ref().map(|s| s.generation)
    }

    /// The data shown, to change in place after a small write that the next load will
    /// confirm (one attendance mark), so the screen does not wait for it.
    pub fn shown_mut(&mut self, key: &K) -> Option<&mut T> {
        self.shown
            .as_mut()
            .filter(|s| s.key == *key)
            .and_then(|s| s.value.as_mut().ok())
    }

    fn take_finished(&mut self) {
        let Some(pending) = &self.pending else {
            return;
        };
        let value = match pending.value.try_recv() {
            Ok(value) => value.map_err(LoadError::Store),
            Err(mpsc::TryRecvError::Empty) => return,
            Err(mpsc::TryRecvError::Disconnected) => Err(LoadError::Stopped),
        };
        if let Some(done) = self.pending.take() {
            self.shown = Some(Entry {
                generation: done.generation,
                key: done.key,
                value,
            });
        }
    }
}

/// Draws a quiet placeholder while data loads, or the error in words; returns the data once
/// it is there.
pub fn ready<'d, T>(
    ui: &mut egui::Ui,
    lang: crate::i18n::Lang,
    loaded: Option<&'d Loaded<T>>,
) -> Option<&'d T> {
    match loaded {
        Some(Ok(data)) => Some(data),
        Some(Err(error)) => {
            ui.colored_label(super::widgets::ERROR_RED, describe(lang, error));
            None
        }
        None => {
            waiting(ui, lang);
            None
        }
    }
}

/// Why there is nothing to show, in words.
pub fn describe(lang: crate::i18n::Lang, error: &LoadError) -> String {
    match error {
        LoadError::Store(error) => lang.store_error(error),
        LoadError::Stopped => lang.load_stopped().to_owned(),
    }
}

/// The placeholder of a screen whose data is on its way.
pub fn waiting(ui: &mut egui::Ui, lang: crate::i18n::Lang) {
    ui.label(egui::RichText::new(lang.loading()).weak());
}

/// The rows of a list that its filters let through, worked out again only when `key` (the
/// data's generation, the filters, the day) changes, not every frame.
pub struct Filtered<K> {
    rows: Vec<usize>,
    key: Option<K>,
}

impl<K> Default for Filtered<K> {
    fn default() -> Self {
        Self {
            rows: Vec::new(),
            key: None,
        }
    }
}

impl<K: PartialEq> Filtered<K> {
    /// Keeps the indexes of `items` that `keep` accepts, unless `key` is unchanged.
    pub fn refresh<T>(&mut self, key: K, items: &[T], keep: impl Fn(&T) -> bool) {
        if self.key.as_ref() == Some(&key) {
            return;
        }
        self.rows = (0..items.len()).filter(|&i| keep(&items[i])).collect();
        self.key = Some(key);
    }

    /// The indexes shown, in order.
    pub fn rows(&self) -> &[usize] {
        &self.rows
    }

    /// What `what` says of each item shown, in order (none before the data is there).
    pub fn each<T, R>(&self, items: Option<&Vec<T>>, what: impl Fn(&T) -> R) -> Vec<R> {
        items.map_or_else(Vec::new, |items| {
            self.rows.iter().map(|&i| what(&items[i])).collect()
        })
    }
}

/// What a screen draws: its data with the names of people and places; reads as the data.
pub struct Named<'a, T> {
    /// The names every screen shares.
    pub names: &'a Names,
    /// The screen's own data.
    pub data: &'a T,
}

impl<T> std::ops::Deref for Named<'_, T> {
    type Target = T;
    fn deref(&self) -> &T {
        self.data
    }
}

/// The roster, branches and areas that forms and lists name people and places by, loaded once
/// per store generation for every screen.
#[derive(Debug, Default)]
pub struct Names {
    /// Secretaries (archived included, for old records).
    pub roster: Vec<RosterEntry>,
    /// Branches.
    pub branches: Vec<Branch>,
    /// Areas.
    pub areas: Vec<Area>,
    /// Secretaries in office per branch.
    pub in_office: std::collections::HashMap<BranchId, usize>,
    /// Industry demonstration bases (archived included, for old records), for the forms'
    /// 所属基地 and the links to a base's page.
    pub bases: Vec<crate::domain::base::Base>,
}

impl Names {
    /// Reads them from the store.
    pub fn load(store: &Store, (): &()) -> store::Result<Arc<Self>> {
        let roster = store.roster()?;
        let mut in_office = std::collections::HashMap::new();
        for entry in roster.iter().filter(|e| !e.fields.archived) {
            if let Some(branch) = entry.fields.branch_id {
                *in_office.entry(branch).or_insert(0) += 1;
            }
        }
        Ok(Arc::new(Self {
            roster,
            branches: store.branches()?,
            areas: store.areas()?,
            in_office,
            bases: store.bases()?,
        }))
    }

    /// A secretary's name (empty if none or unknown).
    pub fn secretary(&self, id: Option<SecretaryId>) -> String {
        id.and_then(|id| self.roster.iter().find(|e| e.id == id))
            .map(|e| e.fields.name.clone())
            .unwrap_or_default()
    }

    /// A branch's name (empty if none or unknown).
    pub fn branch(&self, id: Option<BranchId>) -> String {
        id.and_then(|id| self.branches.iter().find(|b| b.id == id))
            .map(|b| b.name.clone())
            .unwrap_or_default()
    }

    /// A base's name (empty if none or unknown).
    pub fn base(&self, id: Option<crate::domain::base::BaseId>) -> String {
        id.and_then(|id| self.bases.iter().find(|b| b.id == id))
            .map(|b| b.fields.name.clone())
            .unwrap_or_default()
    }

    /// The bases a form offers: those followed, and `kept` (the one chosen already) even if
    /// archived.
    pub fn bases_offered(
        &self,
        kept: Option<crate::domain::base::BaseId>,
    ) -> Vec<crate::domain::base::BaseId> {
        self.bases
            .iter()
            .filter(|b| !b.fields.archived || Some(b.id) == kept)
            .map(|b| b.id)
            .collect()
    }

    /// An area's name (empty if none or unknown).
    pub fn area(&self, id: Option<AreaId>) -> String {
        id.and_then(|id| self.areas.iter().find(|a| a.id == id))
            .map(|a| a.name.clone())
            .unwrap_or_default()
    }

    /// The area of a branch.
    pub fn area_of(&self, branch: Option<BranchId>) -> Option<AreaId> {
        branch
            .and_then(|id| self.branches.iter().find(|b| b.id == id))
            .and_then(|b| b.area_id)
    }
}
