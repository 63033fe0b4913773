// Types for the part of frappe-gantt 1.2.2 that the Gantt bench uses. The package ships
// JavaScript only; these follow its README and `src/index.js`.
declare module 'frappe-gantt' {
  export interface GanttTask {
    id: string;
    name: string;
    /** Local calendar date `YYYY-MM-DD`. */
    start: string;
    /** Local calendar date. Without a time, the whole day counts. */
    end: string;
    progress: number;
    /** Ids of the predecessors, as an array or a comma-separated string. */
    dependencies: string[] | string;
  }

  export interface GanttOptions {
    /** One of the built-in names `Hour`, `Quarter Day`, `Half Day`, `Day`, `Week`, `Month`, `Year`. */
    view_mode?: string;
    /** Height of the chart's scroll container in pixels, or `auto` for the height of every row. */
    container_height?: number | 'auto';
    bar_height?: number;
    /** Space around each bar in pixels. A row is `bar_height + padding` pixels high. */
    padding?: number;
    /** Scroll position after rendering: `today`, `start`, `end` or a date. */
    scroll_to?: string;
    readonly?: boolean;
  }

  export default class Gantt {
    constructor(wrapper: HTMLElement | SVGElement | string, tasks: GanttTask[], options?: GanttOptions);
    /** Re-renders the whole chart at another view mode. `maintainPosition` keeps the horizontal scroll position. */
    change_view_mode(mode?: string, maintainPosition?: boolean): void;
    /** The scroll container the library creates around its SVG. */
    readonly $container: HTMLDivElement;
    readonly $svg: SVGSVGElement;
  }
}
