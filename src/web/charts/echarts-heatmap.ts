// Loaded only through useLazyChart (kind "heatmap"), so ECharts lands in a lazy chunk.

import { HeatmapChart } from 'echarts/charts';
import { GridComponent, VisualMapComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

use([HeatmapChart, GridComponent, VisualMapComponent, SVGRenderer]);

export { init };
