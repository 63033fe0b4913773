/**
 * The ECharts parts the Gantt chart uses, registered once: the custom series, the ARIA
 * description, the canvas renderer for the interactive chart (cheaper to redraw on every scroll
 * frame) and the SVG renderer for print. `echarts.use` is global, so importing this module is
 * enough.
 */
import * as echarts from 'echarts/core';
import { CustomChart } from 'echarts/charts';
import { AriaComponent } from 'echarts/components';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';

echarts.use([CustomChart, AriaComponent, CanvasRenderer, SVGRenderer]);

export { echarts };
