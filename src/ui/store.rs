//! The one reducer: every change of view goes through `Action`, and the URL follows.

use std::rc::Rc;
use yew::prelude::*;

use crate::state::{
    history_mode, Action, Embedding, HistoryMode, Lang, Notice, Slugs, SortKey, View, ViewState,
};

#[derive(Clone, Debug, PartialEq)]
pub struct Store {
    /// Shared with the components that show it, which take it as a prop.
    pub view: Rc<ViewState>,
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
                if view == *self.view {
                    return self;
                }
                Rc::new(Store {
                    view: Rc::new(view),
                    embedding: self.embedding.clone(),
                    write,
                    notices: self.notices.clone(),
                })
            }
            Msg::FromUrl(view, embedding, notices) => Rc::new(Store {
                view: Rc::new(view),
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

/// The ways the page's parts ask for a change, each a callback of the one reducer. Made
/// once (`App`), so the props that carry them stay equal from one render to the next and
/// a component renders again only when its values change.
#[derive(Clone)]
pub struct On {
    /// Any action, for the filters, which ask for five kinds of change.
    pub action: Callback<Action>,
    pub lang: Callback<Lang>,
    pub view: Callback<View>,
    pub sort: Callback<SortKey>,
    pub toggle_focus: Callback<String>,
    pub counties: Callback<Slugs>,
    pub dismiss_notices: Callback<MouseEvent>,
}

impl On {
    pub fn new(store: UseReducerDispatcher<Store>) -> On {
        let action = {
            let store = store.clone();
            Callback::from(move |a| store.dispatch(Msg::Do(a)))
        };
        On {
            lang: action.reform(Action::SetLang),
            view: action.reform(Action::SetView),
            sort: action.reform(Action::SortBy),
            toggle_focus: action.reform(Action::ToggleFocus),
            counties: action.reform(Action::SetCounties),
            dismiss_notices: Callback::from(move |_| store.dispatch(Msg::DismissNotices)),
            action,
        }
    }
}
