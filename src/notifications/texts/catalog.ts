import type { UnLanguage } from '../../reference/data/themes';

/**
 * Every text a notification is told in, in the six UN languages (ICU messages). One catalog serves
 * the application (a notification's title and body) and e-mail, so both say the same thing.
 * Placeholders: need, offer, donor, country (names in the reader's language), amount, score, date
 * (already formatted for the reader's locale), reason, and the daily summary's counts.
 */
export interface NotificationCatalog {
  STRONG_MATCH_FOR_NEED: [title: string, body: string];
  STRONG_MATCH_FOR_OFFER: [title: string, body: string];
  CONSENT_REQUESTED: [title: string, body: string];
  CONSENT_GIVEN: [title: string, body: string];
  CONSENT_DECLINED: [title: string, body: string];
  PROGRESS_REPORT_DUE: [title: string, body: string];
  PROGRESS_REPORT_OVERDUE: [title: string, body: string];
  NEED_RECONFIRMATION_DUE: [title: string, body: string];
  DAILY_SUMMARY: [title: string, body: string];
  /** Shown instead when the reader may no longer see what the notification is about. */
  UNAVAILABLE: [title: string, body: string];
  digestSubject: string;
  digestIntro: string;
  footer: string;
}

export const NOTIFICATION_CATALOG: Readonly<Record<UnLanguage, NotificationCatalog>> = {
  en: {
    STRONG_MATCH_FOR_NEED: [
      'A strong new match for your need',
      '{donor}’s offer “{offer}” fits your need “{need}” with a score of {score}.',
    ],
    STRONG_MATCH_FOR_OFFER: [
      'A strong new match for your offer',
      'The need “{need}” of {country} fits your offer “{offer}” with a score of {score}.',
    ],
    CONSENT_REQUESTED: [
      'A pairing awaits your consent',
      'The Secretariat approved {donor}’s offer “{offer}” for your need “{need}” with {amount}. Please confirm or decline the pairing.',
    ],
    CONSENT_GIVEN: ['Pairing confirmed', '{country} confirmed the pairing of your offer “{offer}” with its need “{need}” ({amount}).'],
    CONSENT_DECLINED: [
      'Pairing declined',
      '{country} declined the pairing of your offer “{offer}” with its need “{need}”. Reason given: {reason}',
    ],
    PROGRESS_REPORT_DUE: [
      'Progress report due',
      'A progress report on the pairing of “{offer}” with the need “{need}” ({country}) is due by {date}.',
    ],
    PROGRESS_REPORT_OVERDUE: [
      'Progress report overdue',
      'A progress report on the pairing of “{offer}” with the need “{need}” ({country}) is overdue; the last one was filed on {date}.',
    ],
    NEED_RECONFIRMATION_DUE: ['Please reconfirm your need', 'Your need “{need}” becomes stale on {date} unless you reconfirm it.'],
    DAILY_SUMMARY: [
      'Daily summary: {date}',
      'Needs published: {needsPublished}. Offers published: {offersPublished}. Strong new matches: {strongMatches}. Pairings approved: {approved}, confirmed: {confirmed}, declined: {declined}.',
    ],
    UNAVAILABLE: ['Notification no longer available', 'What this notification was about is no longer visible to you.'],
    digestSubject: '{count, plural, one {# notification} other {# notifications}} from poa-match',
    digestIntro: 'Here is what happened since your last e-mail from poa-match:',
    footer:
      'You receive this e-mail because of your notification preferences in poa-match. You can change them in the console, under Notifications.',
  },
  fr: {
    STRONG_MATCH_FOR_NEED: [
      'Une nouvelle correspondance solide pour votre besoin',
      'L’offre « {offer} » de {donor} correspond à votre besoin « {need} » avec un score de {score}.',
    ],
    STRONG_MATCH_FOR_OFFER: [
      'Une nouvelle correspondance solide pour votre offre',
      'Le besoin « {need} » de {country} correspond à votre offre « {offer} » avec un score de {score}.',
    ],
    CONSENT_REQUESTED: [
      'Un appariement attend votre accord',
      'Le Secrétariat a approuvé l’offre « {offer} » de {donor} pour votre besoin « {need} », pour {amount}. Veuillez confirmer ou refuser l’appariement.',
    ],
    CONSENT_GIVEN: [
      'Appariement confirmé',
      '{country} a confirmé l’appariement de votre offre « {offer} » avec son besoin « {need} » ({amount}).',
    ],
    CONSENT_DECLINED: [
      'Appariement refusé',
      '{country} a refusé l’appariement de votre offre « {offer} » avec son besoin « {need} ». Motif indiqué : {reason}',
    ],
    PROGRESS_REPORT_DUE: [
      'Rapport d’avancement attendu',
      'Un rapport d’avancement sur l’appariement de « {offer} » avec le besoin « {need} » ({country}) est attendu pour le {date}.',
    ],
    PROGRESS_REPORT_OVERDUE: [
      'Rapport d’avancement en retard',
      'Le rapport d’avancement sur l’appariement de « {offer} » avec le besoin « {need} » ({country}) est en retard ; le dernier a été déposé le {date}.',
    ],
    NEED_RECONFIRMATION_DUE: [
      'Veuillez reconfirmer votre besoin',
      'Votre besoin « {need} » deviendra caduc le {date} si vous ne le reconfirmez pas.',
    ],
    DAILY_SUMMARY: [
      'Résumé quotidien : {date}',
      'Besoins publiés : {needsPublished}. Offres publiées : {offersPublished}. Nouvelles correspondances solides : {strongMatches}. Appariements approuvés : {approved}, confirmés : {confirmed}, refusés : {declined}.',
    ],
    UNAVAILABLE: ['Notification plus disponible', 'L’objet de cette notification ne vous est plus visible.'],
    digestSubject: '{count, plural, one {# notification} other {# notifications}} de poa-match',
    digestIntro: 'Voici ce qui s’est passé depuis votre dernier courriel de poa-match :',
    footer:
      'Vous recevez ce courriel en raison de vos préférences de notification dans poa-match. Vous pouvez les modifier dans la console, sous Notifications.',
  },
  es: {
    STRONG_MATCH_FOR_NEED: [
      'Una nueva correspondencia sólida para su necesidad',
      'La oferta «{offer}» de {donor} corresponde a su necesidad «{need}» con una puntuación de {score}.',
    ],
    STRONG_MATCH_FOR_OFFER: [
      'Una nueva correspondencia sólida para su oferta',
      'La necesidad «{need}» de {country} corresponde a su oferta «{offer}» con una puntuación de {score}.',
    ],
    CONSENT_REQUESTED: [
      'Un emparejamiento espera su consentimiento',
      'La Secretaría aprobó la oferta «{offer}» de {donor} para su necesidad «{need}» por {amount}. Confirme o rechace el emparejamiento.',
    ],
    CONSENT_GIVEN: [
      'Emparejamiento confirmado',
      '{country} confirmó el emparejamiento de su oferta «{offer}» con su necesidad «{need}» ({amount}).',
    ],
    CONSENT_DECLINED: [
      'Emparejamiento rechazado',
      '{country} rechazó el emparejamiento de su oferta «{offer}» con su necesidad «{need}». Motivo indicado: {reason}',
    ],
    PROGRESS_REPORT_DUE: [
      'Informe de progreso pendiente',
      'Se espera un informe de progreso sobre el emparejamiento de «{offer}» con la necesidad «{need}» ({country}) a más tardar el {date}.',
    ],
    PROGRESS_REPORT_OVERDUE: [
      'Informe de progreso atrasado',
      'El informe de progreso sobre el emparejamiento de «{offer}» con la necesidad «{need}» ({country}) está atrasado; el último se presentó el {date}.',
    ],
    NEED_RECONFIRMATION_DUE: [
      'Vuelva a confirmar su necesidad',
      'Su necesidad «{need}» quedará obsoleta el {date} si no la vuelve a confirmar.',
    ],
    DAILY_SUMMARY: [
      'Resumen diario: {date}',
      'Necesidades publicadas: {needsPublished}. Ofertas publicadas: {offersPublished}. Nuevas correspondencias sólidas: {strongMatches}. Emparejamientos aprobados: {approved}, confirmados: {confirmed}, rechazados: {declined}.',
    ],
    UNAVAILABLE: ['Notificación ya no disponible', 'Aquello de lo que trataba esta notificación ya no le es visible.'],
    digestSubject: '{count, plural, one {# notificación} other {# notificaciones}} de poa-match',
    digestIntro: 'Esto es lo que ha ocurrido desde su último correo de poa-match:',
    footer: 'Recibe este correo por sus preferencias de notificación en poa-match. Puede cambiarlas en la consola, en Notificaciones.',
  },
  ru: {
    STRONG_MATCH_FOR_NEED: [
      'Новое сильное совпадение для вашей потребности',
      'Предложение «{offer}» ({donor}) соответствует вашей потребности «{need}» с оценкой {score}.',
    ],
    STRONG_MATCH_FOR_OFFER: [
      'Новое сильное совпадение для вашего предложения',
      'Потребность «{need}» ({country}) соответствует вашему предложению «{offer}» с оценкой {score}.',
    ],
    CONSENT_REQUESTED: [
      'Пара ожидает вашего согласия',
      'Секретариат одобрил предложение «{offer}» ({donor}) для вашей потребности «{need}» на сумму {amount}. Подтвердите или отклоните пару.',
    ],
    CONSENT_GIVEN: ['Пара подтверждена', '{country}: пара вашего предложения «{offer}» с потребностью «{need}» подтверждена ({amount}).'],
    CONSENT_DECLINED: [
      'Пара отклонена',
      '{country}: пара вашего предложения «{offer}» с потребностью «{need}» отклонена. Указанная причина: {reason}',
    ],
    PROGRESS_REPORT_DUE: [
      'Ожидается отчёт о ходе работы',
      'Отчёт о ходе работы по паре «{offer}» и потребности «{need}» ({country}) ожидается не позднее {date}.',
    ],
    PROGRESS_REPORT_OVERDUE: [
      'Отчёт о ходе работы просрочен',
      'Отчёт о ходе работы по паре «{offer}» и потребности «{need}» ({country}) просрочен; последний был подан {date}.',
    ],
    NEED_RECONFIRMATION_DUE: [
      'Подтвердите свою потребность',
      'Ваша потребность «{need}» станет неактуальной {date}, если вы её не подтвердите.',
    ],
    DAILY_SUMMARY: [
      'Ежедневная сводка: {date}',
      'Опубликовано потребностей: {needsPublished}. Опубликовано предложений: {offersPublished}. Новых сильных совпадений: {strongMatches}. Пар одобрено: {approved}, подтверждено: {confirmed}, отклонено: {declined}.',
    ],
    UNAVAILABLE: ['Уведомление больше недоступно', 'То, о чём было это уведомление, вам больше не видно.'],
    digestSubject: 'poa-match: {count, plural, one {# уведомление} few {# уведомления} many {# уведомлений} other {# уведомления}}',
    digestIntro: 'Вот что произошло с момента вашего последнего письма от poa-match:',
    footer:
      'Вы получили это письмо в соответствии с вашими настройками уведомлений в poa-match. Изменить их можно в консоли, в разделе «Уведомления».',
  },
  zh: {
    STRONG_MATCH_FOR_NEED: ['您的需求有新的高分匹配', '{donor}的提议“{offer}”与您的需求“{need}”匹配，得分为{score}。'],
    STRONG_MATCH_FOR_OFFER: ['您的提议有新的高分匹配', '{country}的需求“{need}”与您的提议“{offer}”匹配，得分为{score}。'],
    CONSENT_REQUESTED: [
      '有一项配对等待您的同意',
      '秘书处已批准将{donor}的提议“{offer}”用于您的需求“{need}”，金额为{amount}。请确认或拒绝该配对。',
    ],
    CONSENT_GIVEN: ['配对已确认', '{country}已确认您的提议“{offer}”与其需求“{need}”的配对（{amount}）。'],
    CONSENT_DECLINED: ['配对已被拒绝', '{country}已拒绝您的提议“{offer}”与其需求“{need}”的配对。所述理由：{reason}'],
    PROGRESS_REPORT_DUE: ['进展报告即将到期', '关于“{offer}”与需求“{need}”（{country}）配对的进展报告应于{date}前提交。'],
    PROGRESS_REPORT_OVERDUE: ['进展报告已逾期', '关于“{offer}”与需求“{need}”（{country}）配对的进展报告已逾期；上一份报告提交于{date}。'],
    NEED_RECONFIRMATION_DUE: ['请重新确认您的需求', '如不重新确认，您的需求“{need}”将于{date}过期。'],
    DAILY_SUMMARY: [
      '每日摘要：{date}',
      '已发布需求：{needsPublished}。已发布提议：{offersPublished}。新的高分匹配：{strongMatches}。已批准配对：{approved}，已确认：{confirmed}，已拒绝：{declined}。',
    ],
    UNAVAILABLE: ['通知已不可用', '您已无法查看此通知所涉及的内容。'],
    digestSubject: '来自 poa-match 的 {count} 条通知',
    digestIntro: '以下是自您上次收到 poa-match 邮件以来发生的事项：',
    footer: '您收到此邮件是因为您在 poa-match 中的通知设置。您可以在控制台的“通知”中更改设置。',
  },
  ar: {
    STRONG_MATCH_FOR_NEED: ['مطابقة قوية جديدة لاحتياجك', 'يتوافق عرض «{offer}» المقدَّم من {donor} مع احتياجك «{need}» بدرجة {score}.'],
    STRONG_MATCH_FOR_OFFER: ['مطابقة قوية جديدة لعرضك', 'يتوافق احتياج «{need}» المقدَّم من {country} مع عرضك «{offer}» بدرجة {score}.'],
    CONSENT_REQUESTED: [
      'اقتران ينتظر موافقتك',
      'وافقت الأمانة على عرض «{offer}» المقدَّم من {donor} لتلبية احتياجك «{need}» بمبلغ {amount}. يُرجى تأكيد الاقتران أو رفضه.',
    ],
    CONSENT_GIVEN: ['تم تأكيد الاقتران', 'أكّدت {country} اقتران عرضك «{offer}» باحتياجها «{need}» ({amount}).'],
    CONSENT_DECLINED: ['تم رفض الاقتران', 'رفضت {country} اقتران عرضك «{offer}» باحتياجها «{need}». السبب المذكور: {reason}'],
    PROGRESS_REPORT_DUE: [
      'تقرير مرحلي مستحق',
      'يُستحق تقرير مرحلي عن اقتران «{offer}» بالاحتياج «{need}» ({country}) في موعد أقصاه {date}.',
    ],
    PROGRESS_REPORT_OVERDUE: [
      'تقرير مرحلي متأخر',
      'تأخر التقرير المرحلي عن اقتران «{offer}» بالاحتياج «{need}» ({country})؛ وقد قُدِّم آخر تقرير في {date}.',
    ],
    NEED_RECONFIRMATION_DUE: ['يُرجى إعادة تأكيد احتياجك', 'سيصبح احتياجك «{need}» متقادمًا في {date} ما لم تُعِد تأكيده.'],
    DAILY_SUMMARY: [
      'الملخص اليومي: {date}',
      'الاحتياجات المنشورة: {needsPublished}. العروض المنشورة: {offersPublished}. المطابقات القوية الجديدة: {strongMatches}. الاقترانات الموافق عليها: {approved}، والمؤكدة: {confirmed}، والمرفوضة: {declined}.',
    ],
    UNAVAILABLE: ['الإشعار لم يعد متاحًا', 'لم يعد بإمكانك الاطلاع على موضوع هذا الإشعار.'],
    digestSubject:
      'poa-match: {count, plural, zero {لا إشعارات} one {إشعار واحد} two {إشعاران} few {# إشعارات} many {# إشعارًا} other {# إشعار}}',
    digestIntro: 'إليك ما حدث منذ آخر رسالة تلقيتها من poa-match:',
    footer: 'تتلقى هذه الرسالة بسبب تفضيلات الإشعارات الخاصة بك في poa-match. يمكنك تغييرها من وحدة التحكم، ضمن «الإشعارات».',
  },
};
