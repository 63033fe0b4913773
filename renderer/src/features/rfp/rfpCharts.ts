/**
 * Registers the ECharts parts the RFP charts use besides those `Chart.tsx` registers: bars for
 * the section breakdown and the tornado, and the radar. `echarts.use` is global, so importing
 * this module once before a chart mounts is enough.
 */
import * as echarts from 'echarts/core';
import { BarChart, RadarChart } from 'echarts/charts';
import { RadarComponent } from 'echarts/components';

echarts.use([BarChart, RadarChart, RadarComponent]);
