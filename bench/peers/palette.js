// The peers' legend and colours (the app's light palette), with no page state: shared by
// the pages and by bench/run.mjs, which renders the pre-rendered ECharts page in Node.
export const LEGEND_2023 = '2023年完成';
export const LEGEND_2024 = '2024年目标';
export const COLOR_2023 = '#6b7280';
export const COLOR_2024 = '#c2410c';
