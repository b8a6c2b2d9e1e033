// Talc instead of std's dlmalloc: a smaller allocator for the wasm (docs/performance.md) and, by its authors' benchmarks, a faster one.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    report_explorer::ui::start();
}
