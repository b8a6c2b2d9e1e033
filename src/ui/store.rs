//! The one reducer: every change of view goes through `Action`, and the URL follows.

use std::rc::Rc;
use yew::prelude::*;

use crate::state::{history_mode, Action, Embedding, HistoryMode, Notice, ViewState};

#[derive(Clone, Debug, PartialEq)]
pub struct Store {
    pub view: ViewState,
    /// How the page sits in a host page, from the link (not the reader's to change).
    pub embedding: Embedding,
    /// How the last change should reach the address bar; `None` when it came from the
    /// address bar itself (start-up, back/forward).
    pub write: Option<HistoryMode>,
    pub notices: Vec<Notice>,
}

pub enum Msg {
    Do(Action),
    /// Back/forward: take the URL's state without writing history again.
    FromUrl(ViewState, Embedding, Vec<Notice>),
    DismissNotices,
}

impl Reducible for Store {
    type Action = Msg;

    fn reduce(self: Rc<Self>, msg: Msg) -> Rc<Self> {
        match msg {
            Msg::Do(action) => {
                let write = Some(history_mode(&action));
                let view = self.view.apply(action);
                if view == self.view {
                    return self;
                }
                Rc::new(Store {
                    view,
                    embedding: self.embedding.clone(),
                    write,
                    notices: self.notices.clone(),
                })
            }
            Msg::FromUrl(view, embedding, notices) => Rc::new(Store {
                view,
                embedding,
                write: None,
                notices,
            }),
            Msg::DismissNotices => Rc::new(Store {
                notices: Vec::new(),
                ..(*self).clone()
            }),
        }
    }
}

pub type StoreHandle = UseReducerHandle<Store>;

/// Shorthand for components: a callback that dispatches one action.
pub fn dispatch(store: &StoreHandle, action: Action) {
    store.dispatch(Msg::Do(action));
}
