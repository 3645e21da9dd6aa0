/**
 * Names of the demo logs' events, channels, segments and stages in both
 * languages: written to data/demo/labels.json, which applies to every log in
 * that folder (the raw names never collide across the five data sets).
 * Raw names stay as they are in the logs; charts show the page's language.
 */

type Names = Record<string, { zh: string; en: string }>;

const RETAIL_EVENTS: Names = {
  visit: { zh: '访问', en: 'Visit' },
  search: { zh: '搜索', en: 'Search' },
  view_product: { zh: '浏览商品', en: 'View product' },
  add_to_cart: { zh: '加入购物车', en: 'Add to cart' },
  checkout: { zh: '结账', en: 'Checkout' },
  shipping_info: { zh: '查看运费', en: 'Shipping info' },
  purchase: { zh: '购买', en: 'Purchase' },
};

const ECOMMERCE_EVENTS: Names = {
  browse: { zh: '浏览', en: 'Browse' },
  confirm_order: { zh: '确认订单', en: 'Confirm order' },
  payment_page: { zh: '支付页', en: 'Payment page' },
  payment_failed: { zh: '支付失败', en: 'Payment failed' },
  payment_success: { zh: '支付成功', en: 'Payment success' },
};

const BANK_EVENTS: Names = {
  了解开户: { zh: '了解开户', en: 'Learn' },
  提交申请: { zh: '提交申请', en: 'Apply' },
  上传证件: { zh: '上传证件', en: 'Upload ID' },
  身份核验: { zh: '身份核验', en: 'Verify identity' },
  开户成功: { zh: '开户成功', en: 'Account opened' },
  首次交易: { zh: '首次交易', en: 'First transaction' },
};

const HOTEL_EVENTS: Names = {
  booking: { zh: '预订', en: 'Booking' },
  check_in: { zh: '入住登记', en: 'Check-in' },
  room: { zh: '客房', en: 'Room' },
  breakfast: { zh: '早餐', en: 'Breakfast' },
  check_out: { zh: '退房', en: 'Check-out' },
  overall: { zh: '整体评价', en: 'Overall stay' },
};

const CHANNELS: Names = {
  desktop: { zh: '电脑端', en: 'Desktop' },
  mobile: { zh: '手机端', en: 'Mobile' },
  app: { zh: 'App', en: 'App' },
  mini_program: { zh: '小程序', en: 'Mini program' },
  web: { zh: '网页', en: 'Web' },
  App: { zh: 'App', en: 'App' },
  微信: { zh: '微信', en: 'WeChat' },
  网点: { zh: '网点', en: 'Branch' },
  ota: { zh: '在线旅行平台', en: 'Online travel agency' },
  front_desk: { zh: '前台', en: 'Front desk' },
  room: { zh: '客房', en: 'Room' },
  restaurant: { zh: '餐厅', en: 'Restaurant' },
  survey: { zh: '问卷', en: 'Survey' },
  store: { zh: '门店', en: 'Store' },
};

const SEGMENTS: Names = {
  new: { zh: '新客户', en: 'New' },
  returning: { zh: '老客户', en: 'Returning' },
  代发工资: { zh: '代发工资', en: 'Salary account' },
  年轻客群: { zh: '年轻客群', en: 'Young customers' },
  其他: { zh: '其他', en: 'Others' },
  commuter: { zh: '通勤客', en: 'Commuter' },
  office: { zh: '办公室', en: 'Office' },
  weekend: { zh: '周末客', en: 'Weekend' },
};

const STAGES: Names = {
  booking: { zh: '预订', en: 'Booking' },
  arrival: { zh: '抵达', en: 'Arrival' },
  stay: { zh: '入住', en: 'Stay' },
  departure: { zh: '离店', en: 'Departure' },
  after_stay: { zh: '离店之后', en: 'After the stay' },
  了解: { zh: '了解', en: 'Learn' },
  申请: { zh: '申请', en: 'Apply' },
  核验: { zh: '核验', en: 'Verify' },
  开户: { zh: '开户', en: 'Open' },
  使用: { zh: '使用', en: 'Use' },
};

/** Keys sorted, so the file's bytes depend on the names alone, not on their order here. */
function sorted(names: Names): Names {
  return Object.fromEntries(Object.entries(names).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** data/demo/labels.json: `{ event, channel, segment, stage }`, each raw name -> `{ zh, en }`. */
export function demoLabelsJson(): string {
  const labels = {
    event: sorted({ ...RETAIL_EVENTS, ...ECOMMERCE_EVENTS, ...BANK_EVENTS, ...HOTEL_EVENTS }),
    channel: sorted(CHANNELS),
    segment: sorted(SEGMENTS),
    stage: sorted(STAGES),
  };
  return JSON.stringify(labels, null, 2) + '\n';
}
