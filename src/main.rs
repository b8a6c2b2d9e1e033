fn main() {
    report_explorer::ui::start();
}
