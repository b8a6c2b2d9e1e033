use yew::prelude::*;

use crate::data::Dataset;

#[function_component(App)]
pub fn app() -> Html {
    let data = Dataset::embedded();
    html! {
        <main>
            <p>{ format!("{} figures", data.figures.len()) }</p>
        </main>
    }
}
